#include "measure.h"

#include "log/eventlog.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

namespace Chronoscope::Bench {

double seconds(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print(const Figure &figure)
{
    std::printf("%s\n", figure.line().c_str());
    std::fflush(stdout);
}

void removeLog(const std::string &path)
{
    EventLog::removeFiles(path);
}

double residentMegabytes()
{
    long pages = 0;
    long resident = 0;
    if (std::FILE *statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(statm);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

double heapMegabytes()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd) / 1e6;
}

} // namespace Chronoscope::Bench
