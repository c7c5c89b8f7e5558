#include "replay/persistentmap.h"
#include "replay/persistentvector.h"
#include "replay/state.h"
#include "replay/streamnames.h"

#include <QTest>

#include <map>
#include <random>
#include <thread>

using namespace Chronoscope;

class TestPersistentMap : public QObject
{
    Q_OBJECT

private slots:
    void behavesLikeAMap()
    {
        PersistentMap<int> map;
        std::map<std::string, int> reference;
        std::mt19937 random(42);
        for (int i = 0; i < 20000; ++i) {
            const std::string key = "stream-" + std::to_string(random() % 5000);
            map.set(key, i);
            reference[key] = i;
        }
        QCOMPARE(map.size(), reference.size());
        for (const auto &[key, value] : reference) {
            const int *found = map.find(key);
            QVERIFY(found);
            QCOMPARE(*found, value);
        }
        QVERIFY(!map.find("stream-5000"));
        size_t visited = 0;
        map.forEach([&](const std::string &key, const int &value) {
            QCOMPARE(reference.at(key), value);
            ++visited;
        });
        QCOMPARE(visited, reference.size());
    }

    void copiesKeepTheirValues()
    {
        PersistentMap<int> a;
        for (int i = 0; i < 3000; ++i)
            a.set("k" + std::to_string(i), i);
        PersistentMap<int> b = a; // a snapshot
        for (int i = 0; i < 3000; i += 3)
            a.set("k" + std::to_string(i), -i);
        a.set("new", 1);
        for (int i = 0; i < 3000; ++i) {
            QCOMPARE(*b.find("k" + std::to_string(i)), i);
            QCOMPARE(*a.find("k" + std::to_string(i)), i % 3 == 0 ? -i : i);
        }
        QVERIFY(!b.find("new"));
        QCOMPARE(b.size(), size_t(3000));
        QCOMPARE(a.size(), size_t(3001));
        PersistentMap<int> c = b;
        c.set("k1", 100);
        QCOMPARE(*b.find("k1"), 1);
        QCOMPARE(*c.find("k1"), 100);
    }

    void vectorBehavesLikeASparseArray()
    {
        PersistentVector<int> vector;
        QVERIFY(!vector.find(0));
        std::map<size_t, int> reference;
        std::mt19937 random(7);
        for (int i = 0; i < 20000; ++i) {
            const size_t index = random() % 50000;
            vector.set(index, i + 1);
            reference[index] = i + 1;
        }
        for (const auto &[index, value] : reference)
            QCOMPARE(*vector.find(index), value);
        QVERIFY(!vector.find(size_t(1) << 40));
        size_t set = 0;
        size_t last = 0;
        vector.forEach([&](size_t index, int value) {
            QVERIFY(index >= last);
            last = index;
            if (value == 0) {
                QVERIFY(!reference.count(index)); // never set
                return;
            }
            QCOMPARE(reference.at(index), value);
            ++set;
        });
        QCOMPARE(set, reference.size());
    }

    void vectorCopiesKeepTheirValues()
    {
        PersistentVector<std::string> a;
        for (size_t i = 0; i < 3000; ++i)
            a.set(i, std::to_string(i));
        PersistentVector<std::string> b = a; // a snapshot
        for (size_t i = 0; i < 3000; i += 3)
            a.set(i, "changed");
        a.set(100000, "grown"); // past the capacity: the tree grows a level
        for (size_t i = 0; i < 3000; ++i) {
            QCOMPARE(*b.find(i), std::to_string(i));
            QCOMPARE(*a.find(i), i % 3 == 0 ? std::string("changed") : std::to_string(i));
        }
        QCOMPARE(*a.find(100000), std::string("grown"));
        QVERIFY(!b.find(100000));
    }

    void streamNamesAreNumberedInTheOrderMet()
    {
        StreamNames names;
        QCOMPARE(names.find("order-1"), StreamNames::kNone);
        for (uint32_t i = 0; i < 100000; ++i)
            QCOMPARE(names.intern("stream-" + std::to_string(i)), i);
        QCOMPARE(names.intern("stream-5"), 5u);
        QCOMPARE(names.find("stream-99999"), 99999u);
        QCOMPARE(names.name(42), std::string("stream-42"));
        QCOMPARE(names.size(), size_t(100000));
        QCOMPARE(names.find("stream-100000"), StreamNames::kNone);
    }

    void aStateIsReadWhileItsReplayGoesOn()
    {
        // The window reads a copy of the state while the replay thread adds streams to the names
        // they share.
        State state;
        for (int i = 0; i < 1000; ++i)
            state.setStream("s" + std::to_string(i), makeJsonString(std::to_string(i)));
        const State copy = state;
        std::thread replay([&state] {
            for (int i = 1000; i < 50000; ++i)
                state.setStream("s" + std::to_string(i), makeJsonString(std::to_string(i)));
        });
        for (int round = 0; round < 20; ++round) {
            for (int i = 0; i < 1000; i += 7)
                QCOMPARE(*copy.streamText("s" + std::to_string(i)), std::to_string(i));
            QVERIFY(!copy.streamText("s49999"));
        }
        replay.join();
        QCOMPARE(copy.streamCount(), size_t(1000));
        QCOMPARE(state.streamCount(), size_t(50000));
        QCOMPARE(*state.streamText("s49999"), std::string("49999"));
        QCOMPARE(copy.sortedMembers(State::Section::Streams).size(), size_t(1000));
    }
};

QTEST_GUILESS_MAIN(TestPersistentMap)
#include "tst_persistentmap.moc"
