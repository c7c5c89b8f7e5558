#pragma once

#include <cstdint>
#include <functional>

namespace Chronoscope {

class EventLog;

struct ShopSampleOptions
{
    int64_t events = 500;
    uint64_t seed = 1;
    /// Called every few thousand events with (written, total); return false to cancel.
    std::function<bool(int64_t, int64_t)> progress;
};

/// Generates the shop history (customers, orders, payments, shipments) into an empty log,
/// deterministically for a given seed and size, in one transaction:
///
/// - the customer service registers customers (CustomerRegistered: schema 1 with "mail" until
///   2018-01-20, schema 2 with "email" after) and records address changes;
/// - the order service places orders (OrderPlaced, in USD) and ships them once paid
///   (OrderShipped, caused by the charge);
/// - the payment service charges each order (PaymentCharged, caused by the OrderPlaced, one
///   correlation id per business transaction) with the tax rule of the day (1.5%, 1.8% from
///   2018-02-01) and an exchange rate fetched from an external system, recorded in
///   metadata.gateway for replay; the card processor's confirmation is the charge's result;
/// - one charge, about 70% into the history, is over-charged by a bug (the total in cents
///   charged as dollars) and refunded a day later by a compensating PaymentRefunded.
///
/// processed_at lags recorded_at by tens of milliseconds to seconds, sometimes minutes. The
/// history spans 2018-01-01 to 2018-03-01 whatever the size. Throws Error if the log is not
/// empty.
class ShopSample
{
public:
    static void generate(EventLog &log, const ShopSampleOptions &options);
};

} // namespace Chronoscope
