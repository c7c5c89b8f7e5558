#include "samples/shopsample.h"

#include "base/error.h"
#include "base/jsontext.h"
#include "log/eventlog.h"
#include "log/eventwriter.h"
#include "log/modelstore.h"
#include "log/writetransaction.h"
#include "replay/logmodel.h"

#include <QFile>

#include <charconv>
#include <cmath>
#include <queue>
#include <string>
#include <vector>

namespace Chronoscope {

namespace {

constexpr Timestamp::Micros kSecond = 1000000;
constexpr Timestamp::Micros kMinute = 60 * kSecond;
constexpr Timestamp::Micros kHour = 60 * kMinute;
constexpr Timestamp::Micros kDay = 24 * kHour;
constexpr Timestamp::Micros kStart = 1514764800LL * kSecond;        // 2018-01-01T00:00:00Z
constexpr Timestamp::Micros kTaxChange = 1517443200LL * kSecond;    // 2018-02-01T00:00:00Z
constexpr Timestamp::Micros kSchemaChange = 1516406400LL * kSecond; // 2018-01-20T00:00:00Z
// Arrivals are spread over 56 days so that the history ends before 2018-03-01.
constexpr Timestamp::Micros kSpan = 56 * kDay;
constexpr double kEventsPerOrder = 3.35;

// xoshiro256** seeded by splitmix64: small, fast, and the same sequence on every platform (the
// standard distributions are not), so a seed names one history everywhere.
class Random
{
public:
    explicit Random(uint64_t seed)
    {
        for (auto &s : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }
    uint64_t next()
    {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int64_t between(int64_t lo, int64_t hi) // inclusive
    {
        return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    std::string uuid()
    {
        static constexpr char hex[] = "0123456789abcdef";
        const uint64_t a = next(), b = next();
        std::string s(36, '-');
        int nibble = 0;
        for (size_t i = 0; i < 36; ++i) {
            if (i == 8 || i == 13 || i == 18 || i == 23)
                continue;
            const uint64_t word = nibble < 16 ? a : b;
            s[i] = hex[(word >> ((nibble % 16) * 4)) & 0xf];
            ++nibble;
        }
        s[14] = '4';                        // version 4
        s[19] = hex[8 + ((b >> 60) & 0x3)]; // RFC 4122 variant
        return s;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_state[4];
};

void appendNumber(std::string &out, double value)
{
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, end);
}

double cents(double value)
{
    return std::round(value * 100.0) / 100.0;
}

std::string dateOf(Timestamp::Micros t)
{
    return Timestamp::format(t).substr(0, 10);
}

const char *const kFirstNames[] = {"Ada",
                                   "Grace",
                                   "Alan",
                                   "Edsger",
                                   "Barbara",
                                   "Ken",
                                   "Frances",
                                   "Niklaus",
                                   "Radia",
                                   "Donald",
                                   "Margaret",
                                   "Leslie",
                                   "Tony",
                                   "Hedy",
                                   "John",
                                   "Sophie"};
const char *const kLastNames[] = {"Lovelace",
                                  "Hopper",
                                  "Turing",
                                  "Dijkstra",
                                  "Liskov",
                                  "Thompson",
                                  "Allen",
                                  "Wirth",
                                  "Perlman",
                                  "Knuth",
                                  "Hamilton",
                                  "Lamport",
                                  "Hoare",
                                  "Lamarr",
                                  "Backus",
                                  "Wilson"};
const char *const kCities[]
        = {"Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Bremen", "Stuttgart"};
const char *const kStreets[] = {
        "Hauptstrasse", "Schulweg", "Gartenstrasse", "Bahnhofstrasse", "Lindenallee", "Marktplatz"};
const char *const kProducts[] = {"keyboard",
                                 "monitor",
                                 "mouse",
                                 "laptop stand",
                                 "headset",
                                 "webcam",
                                 "usb hub",
                                 "desk lamp"};
const char *const kCarriers[] = {"DHL", "UPS", "Hermes", "DPD"};

template<size_t N>
const char *pick(Random &random, const char *const (&list)[N])
{
    return list[random.next() % N];
}

struct Pending
{
    enum class Kind { Arrival, Move, Place, Charge, Ship, Refund };
    Timestamp::Micros at = 0;
    uint64_t order = 0; // insertion counter: ties leave in the order they were scheduled
    Kind kind = Kind::Arrival;
    int64_t orderNo = 0;
    int64_t customerNo = 0;
    double amount = 0; // order: net USD; refund: amount to refund
    std::string causationId;
    std::string correlationId;

    bool operator>(const Pending &other) const
    {
        return at != other.at ? at > other.at : order > other.order;
    }
};

class Generator
{
public:
    Generator(EventLog &log, const ShopSampleOptions &options)
        : m_options(options)
        , m_random(options.seed)
        , m_writer(log)
        , m_meanGap(static_cast<double>(kSpan) * kEventsPerOrder
                    / static_cast<double>(std::max<int64_t>(options.events, 1)))
        , m_overchargedOrder(
                  std::max<int64_t>(3,
                                    static_cast<int64_t>(static_cast<double>(options.events)
                                                         / kEventsPerOrder * 0.7)))
    {}

    void run()
    {
        m_writer.beginBulk();
        schedule({kStart, 0, Pending::Kind::Arrival, 0, 0, 0, {}, {}});
        while (m_written < m_options.events && !m_queue.empty()) {
            Pending p = m_queue.top();
            m_queue.pop();
            switch (p.kind) {
            case Pending::Kind::Arrival:
                arrive(p.at);
                break;
            case Pending::Kind::Move:
                changeAddress(p.at, p.customerNo);
                break;
            case Pending::Kind::Place:
                placeOrder(p.at, p.customerNo);
                break;
            case Pending::Kind::Charge:
                charge(p);
                break;
            case Pending::Kind::Ship:
                ship(p);
                break;
            case Pending::Kind::Refund:
                refund(p);
                break;
            }
        }
        m_writer.finish();
    }

private:
    void schedule(Pending p)
    {
        p.order = m_scheduled++;
        m_queue.push(std::move(p));
    }

    // A customer arrives: maybe registers, maybe moves, and places an order. Everything goes
    // through the queue so that recorded_at never decreases along the log.
    void arrive(Timestamp::Micros t)
    {
        const auto gap = static_cast<Timestamp::Micros>(m_meanGap * (0.5 + m_random.uniform()));
        schedule({t + gap / 1000 * 1000 + 1000, 0, Pending::Kind::Arrival, 0, 0, 0, {}, {}});
        int64_t customer;
        Timestamp::Micros orderAt = t;
        if (m_customers == 0 || m_random.chance(0.28)) {
            customer = ++m_customers;
            registerCustomer(t, customer);
            orderAt += m_random.between(5, 90) * kSecond;
        } else {
            customer = m_random.between(1, m_customers);
        }
        if (m_customers > 3 && m_random.chance(0.06))
            schedule({t + m_random.between(1, 20) * kSecond,
                      0,
                      Pending::Kind::Move,
                      0,
                      m_random.between(1, m_customers),
                      0,
                      {},
                      {}});
        schedule({orderAt, 0, Pending::Kind::Place, 0, customer, 0, {}, {}});
    }

    void registerCustomer(Timestamp::Micros t, int64_t customer)
    {
        const std::string name
                = std::string(pick(m_random, kFirstNames)) + " " + pick(m_random, kLastNames);
        std::string email = name;
        for (char &c : email)
            c = c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        email += "+" + std::to_string(customer) + "@example.com";
        const bool v1 = t < kSchemaChange;
        std::string data = v1 ? "{\"mail\":" : "{\"email\":";
        JsonText::appendString(data, email);
        data += ",\"name\":";
        JsonText::appendString(data, name);
        data += '}';
        Event e = make(t,
                       "customer-" + std::to_string(customer),
                       "CustomerRegistered",
                       "customer",
                       std::move(data));
        e.schemaVersion = v1 ? 1 : 2;
        write(e);
    }

    void changeAddress(Timestamp::Micros t, int64_t customer)
    {
        std::string data = "{\"address\":{\"street\":";
        JsonText::appendString(data,
                               std::string(pick(m_random, kStreets)) + " "
                                       + std::to_string(m_random.between(1, 120)));
        data += ",\"city\":";
        JsonText::appendString(data, pick(m_random, kCities));
        data += ",\"zip\":\"" + std::to_string(m_random.between(10115, 99998)) + "\"}}";
        Event e = make(t,
                       "customer-" + std::to_string(customer),
                       "CustomerAddressChanged",
                       "customer",
                       std::move(data));
        write(e);
    }

    void placeOrder(Timestamp::Micros t, int64_t customer)
    {
        const int64_t orderNo = ++m_orders;
        const int64_t quantity = m_random.between(1, 3);
        const double price = cents(9.5 + m_random.uniform() * 240.0);
        const double amount = cents(price * static_cast<double>(quantity));
        const std::string order = "order-" + std::to_string(orderNo);
        std::string data = "{\"order\":\"" + order + "\",\"customer\":\"customer-"
                           + std::to_string(customer) + "\",\"items\":[{\"product\":";
        JsonText::appendString(data, pick(m_random, kProducts));
        data += ",\"quantity\":" + std::to_string(quantity) + ",\"price\":";
        appendNumber(data, price);
        data += "}],\"amount\":";
        appendNumber(data, amount);
        data += ",\"currency\":\"USD\"}";
        Event e = make(t, order, "OrderPlaced", "order", std::move(data));
        e.correlationId = m_random.uuid();
        write(e);
        schedule({t + m_random.between(150, 4000) * 1000,
                  0,
                  Pending::Kind::Charge,
                  orderNo,
                  customer,
                  amount,
                  e.id,
                  *e.correlationId});
    }

    void charge(const Pending &p)
    {
        const double taxRate = p.at < kTaxChange ? 0.015 : 0.018;
        const double total = cents(p.amount * (1.0 + taxRate));
        const bool bug = p.orderNo == m_overchargedOrder;
        // The bug: the total in cents was sent to the card processor as dollars.
        const double charged = bug ? total * 100.0 : total;
        const double day = static_cast<double>((p.at - kStart) / kDay);
        const double fx = std::round((0.8150 + 0.0240 * std::sin(day / 9.0)) * 10000.0) / 10000.0;
        const std::string order = "order-" + std::to_string(p.orderNo);
        std::string data = "{\"order\":\"" + order + "\",\"customer\":\"customer-"
                           + std::to_string(p.customerNo) + "\",\"amount\":";
        appendNumber(data, p.amount);
        data += ",\"tax_rate\":";
        appendNumber(data, taxRate);
        data += ",\"total\":";
        appendNumber(data, total);
        data += ",\"charged\":";
        appendNumber(data, charged);
        data += ",\"currency\":\"USD\",\"fx_rate\":";
        appendNumber(data, fx);
        data += ",\"charged_eur\":";
        appendNumber(data, cents(charged * fx));
        data += '}';
        Event e = follow(p,
                         "payment-" + std::to_string(p.orderNo),
                         "PaymentCharged",
                         "payment",
                         std::move(data));
        e.metadata = "{\"gateway\":[{\"name\":\"fx\",\"request\":{\"from\":\"USD\",\"to\":\"EUR\","
                     "\"date\":\""
                     + dateOf(p.at) + "\"},\"response\":{\"rate\":";
        appendNumber(e.metadata, fx);
        e.metadata += "}}]}";
        e.result = "{\"status\":\"confirmed\",\"processor\":\"acme-pay\",\"confirmation\":\"CONF-"
                   + m_random.uuid().substr(0, 8) + "\"}";
        write(e);
        schedule({p.at + m_random.between(20, 600) * kMinute,
                  0,
                  Pending::Kind::Ship,
                  p.orderNo,
                  p.customerNo,
                  0,
                  e.id,
                  p.correlationId});
        if (bug)
            schedule({p.at + kDay + m_random.between(0, 300) * kMinute,
                      0,
                      Pending::Kind::Refund,
                      p.orderNo,
                      p.customerNo,
                      cents(charged - total),
                      e.id,
                      p.correlationId});
    }

    void ship(const Pending &p)
    {
        const std::string order = "order-" + std::to_string(p.orderNo);
        std::string data = "{\"order\":\"" + order + "\",\"carrier\":";
        JsonText::appendString(data, pick(m_random, kCarriers));
        data += ",\"tracking\":\"" + m_random.uuid().substr(0, 12) + "\"}";
        Event e = follow(p, order, "OrderShipped", "order", std::move(data));
        write(e);
    }

    void refund(const Pending &p)
    {
        const std::string order = "order-" + std::to_string(p.orderNo);
        std::string data = "{\"order\":\"" + order + "\",\"customer\":\"customer-"
                           + std::to_string(p.customerNo) + "\",\"amount\":";
        appendNumber(data, p.amount);
        data += ",\"currency\":\"USD\",\"reason\":\"over-charge: the total in cents was charged "
                "as dollars\"}";
        Event e = follow(p,
                         "payment-" + std::to_string(p.orderNo),
                         "PaymentRefunded",
                         "payment",
                         std::move(data));
        e.result = "{\"status\":\"refunded\",\"processor\":\"acme-pay\"}";
        write(e);
    }

    // An event caused by the one that scheduled `p`, in the same business transaction.
    Event follow(const Pending &p,
                 std::string stream,
                 const char *type,
                 const char *source,
                 std::string data)
    {
        Event e = make(p.at, std::move(stream), type, source, std::move(data));
        e.causationId = p.causationId;
        e.correlationId = p.correlationId;
        return e;
    }

    Event make(Timestamp::Micros t,
               std::string stream,
               const char *type,
               const char *source,
               std::string data)
    {
        Event e;
        e.id = m_random.uuid();
        e.stream = std::move(stream);
        e.type = type;
        e.source = source;
        e.recordedAt = t;
        // Most events are processed within seconds; a few wait in a queue for minutes.
        const Timestamp::Micros lag
                = m_random.chance(0.04)
                          ? m_random.between(60, 900) * kSecond
                          : static_cast<Timestamp::Micros>(20 + m_random.exponential(600.0)) * 1000;
        e.processedAt = t + lag;
        e.data = std::move(data);
        e.metadata = "{}";
        return e;
    }

    void write(Event &e)
    {
        if (m_written >= m_options.events)
            return;
        if (m_writer.write(e) != EventWriter::Outcome::Written)
            throw Error::failed("sample: duplicate generated id " + e.id);
        ++m_written;
        if (m_options.progress && m_written % 65536 == 0
            && !m_options.progress(m_written, m_options.events))
            throw Error::failed("sample cancelled; the log was left as it was");
    }

    const ShopSampleOptions &m_options;
    Random m_random;
    EventWriter m_writer;
    const double m_meanGap;
    const int64_t m_overchargedOrder;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_queue;
    uint64_t m_scheduled = 0;
    int64_t m_written = 0;
    int64_t m_customers = 0;
    int64_t m_orders = 0;
};

} // namespace

void ShopSample::generate(EventLog &log, const ShopSampleOptions &options)
{
    if (options.events < 0)
        throw Error::input("sample: --events must be 0 or more");
    if (const int64_t existing = log.eventCount(); existing > 0)
        throw Error::failed(log.path() + ": already holds " + std::to_string(existing)
                            + " events; the sample is written into a new, empty log");
    log.prepareBulkWrite();
    WriteTransaction tx(log);
    Generator generator(log, options);
    generator.run();
    QFile model(QStringLiteral(":/models/shop.js"));
    if (!model.open(QIODevice::ReadOnly))
        throw Error::failed("sample: the shop model is missing from the build");
    LogModel::set(log, model.readAll().toStdString(), "shop.js");
    tx.commit();
}

} // namespace Chronoscope
