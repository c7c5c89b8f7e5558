#include "base/timestamp.h"

#include <chrono>

namespace Chronoscope::Timestamp {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool isLeap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int64_t y, unsigned m)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

class Cursor
{
public:
    explicit Cursor(std::string_view text)
        : m_text(text)
    {}

    bool digits(size_t count, int64_t &out)
    {
        if (m_pos + count > m_text.size())
            return false;
        out = 0;
        for (size_t i = 0; i < count; ++i) {
            const char c = m_text[m_pos + i];
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + (c - '0');
        }
        m_pos += count;
        return true;
    }
    bool accept(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool atEnd() const { return m_pos == m_text.size(); }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void advance() { ++m_pos; }

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

std::optional<Micros> parseDate(Cursor &c, int64_t &days)
{
    int64_t y, mo, d;
    if (!c.digits(4, y) || !c.accept('-') || !c.digits(2, mo) || !c.accept('-') || !c.digits(2, d))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, static_cast<unsigned>(mo)))
        return std::nullopt;
    days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return days;
}

} // namespace

std::optional<Micros> parse(std::string_view text)
{
    Cursor c(text);
    int64_t days = 0;
    if (!parseDate(c, days))
        return std::nullopt;
    if (!(c.accept('T') || c.accept('t') || c.accept(' ')))
        return std::nullopt;
    int64_t h, mi, s;
    if (!c.digits(2, h) || !c.accept(':') || !c.digits(2, mi) || !c.accept(':') || !c.digits(2, s))
        return std::nullopt;
    if (h > 23 || mi > 59 || s > 60) // 60: a leap second, folded into the next minute
        return std::nullopt;
    int64_t fraction = 0;
    if (c.accept('.')) {
        int count = 0;
        while (c.peek() >= '0' && c.peek() <= '9') {
            if (count < 6)
                fraction = fraction * 10 + (c.peek() - '0');
            ++count;
            c.advance();
        }
        if (count == 0)
            return std::nullopt;
        for (int i = count; i < 6; ++i)
            fraction *= 10;
    }
    int64_t offsetSeconds = 0;
    if (c.accept('Z') || c.accept('z')) {
    } else if (c.peek() == '+' || c.peek() == '-') {
        const bool negative = c.peek() == '-';
        c.advance();
        int64_t oh, om;
        if (!c.digits(2, oh))
            return std::nullopt;
        c.accept(':');
        if (!c.digits(2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (negative ? -1 : 1);
    } else {
        return std::nullopt;
    }
    if (!c.atEnd())
        return std::nullopt;
    const int64_t seconds = days * kSecondsPerDay + h * 3600 + mi * 60 + s - offsetSeconds;
    return seconds * kMicrosPerSecond + fraction;
}

std::optional<Micros> parseDateOrTime(std::string_view text)
{
    if (text.size() == 10) {
        Cursor c(text);
        int64_t days = 0;
        if (parseDate(c, days) && c.atEnd())
            return days * kSecondsPerDay * kMicrosPerSecond;
        return std::nullopt;
    }
    return parse(text);
}

void appendFormatted(std::string &out, Micros micros)
{
    int64_t seconds = micros / kMicrosPerSecond;
    int64_t fraction = micros % kMicrosPerSecond;
    if (fraction < 0) {
        fraction += kMicrosPerSecond;
        --seconds;
    }
    int64_t days = seconds / kSecondsPerDay;
    int64_t secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[40];
    auto put = [&](char *p, int64_t v, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
    };
    put(buf, y, 4);
    buf[4] = '-';
    put(buf + 5, m, 2);
    buf[7] = '-';
    put(buf + 8, d, 2);
    buf[10] = 'T';
    put(buf + 11, secondOfDay / 3600, 2);
    buf[13] = ':';
    put(buf + 14, secondOfDay / 60 % 60, 2);
    buf[16] = ':';
    put(buf + 17, secondOfDay % 60, 2);
    buf[19] = '.';
    size_t len;
    if (fraction % 1000 == 0) {
        put(buf + 20, fraction / 1000, 3);
        len = 23;
    } else {
        put(buf + 20, fraction, 6);
        len = 26;
    }
    buf[len++] = 'Z';
    out.append(buf, len);
}

std::string format(Micros micros)
{
    std::string out;
    appendFormatted(out, micros);
    return out;
}

Micros now()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace Chronoscope::Timestamp
