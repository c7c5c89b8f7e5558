// The domain model of the shop sample: customers, orders and payments.
//
// Runs in Chronoscope's QJSEngine (ES2016 with classes, arrow functions, destructuring,
// template literals, array spread, ?. and ??; no object spread and no Object.fromEntries: use
// Object.assign). Reducers get copies of the state and the event, and return the new state.

const cents = (x) => Math.round(x * 100) / 100;
const dayOf = (event) => event.recorded_at.slice(0, 10);

// The PaymentCharged event the payment service emits for an order.
const charge = (event, ctx, taxRate, total, charged) => {
    const fx = ctx.gateway("fx", { from: "USD", to: "EUR", date: dayOf(event) });
    return {
        type: "PaymentCharged",
        stream: event.data.order.replace("order-", "payment-"),
        data: {
            order: event.data.order,
            customer: event.data.customer,
            amount: event.data.amount,
            tax_rate: taxRate,
            total: total,
            charged: charged,
            currency: "USD",
            fx_rate: fx.rate,
            charged_eur: cents(charged * fx.rate),
        },
    };
};

model = {
    name: "shop",

    services: {
        customer: { emits: ["CustomerRegistered", "CustomerAddressChanged"], listens: [] },
        order: { emits: ["OrderPlaced", "OrderShipped"], listens: ["PaymentCharged"] },
        payment: { emits: ["PaymentCharged", "PaymentRefunded"], listens: ["OrderPlaced"] },
    },

    // Effective-dated business rules: ctx.rule("tax") is the version in force when the event
    // was recorded.
    rules: {
        tax: [
            { from: "2000-01-01", rate: 0.015 },
            { from: "2018-02-01", rate: 0.018 },
        ],
        // The payment service's releases. 2.4.0 moved to the card processor's v2 API, which
        // takes amounts in dollars; it was rolled back the next morning.
        paymentRelease: [
            { from: "2000-01-01", version: "2.3.1" },
            { from: "2018-02-07T22:00:00Z", version: "2.4.0" },
            { from: "2018-02-08T06:00:00Z", version: "2.3.1" },
        ],
    },

    // CustomerRegistered schema 1 called the address "mail"; schema 2 calls it "email".
    upcasters: {
        CustomerRegistered: {
            1: (data) => ({ email: data.mail, name: data.name }),
        },
    },

    reducers: {
        CustomerRegistered(state, event, ctx) {
            return {
                id: ctx.stickyId("customer", event.data.email),
                email: event.data.email,
                name: event.data.name,
                status: "registered",
            };
        },
        CustomerAddressChanged(state = {}, event) {
            return Object.assign({}, state, { address: event.data.address });
        },
        OrderPlaced(state, event, ctx) {
            const tax = ctx.rule("tax");
            return {
                order: event.data.order,
                customer: event.data.customer,
                status: "placed",
                items: event.data.items,
                amount: event.data.amount,
                currency: event.data.currency,
                tax_rate: tax.rate,
                total: cents(event.data.amount * (1 + tax.rate)),
            };
        },
        OrderShipped(state = {}, event) {
            return Object.assign({}, state, { status: "shipped", carrier: event.data.carrier });
        },
        PaymentCharged(state, event, ctx) {
            // The exchange rate came from an external system; replay answers from the recording.
            const fx = ctx.gateway("fx", { from: "USD", to: "EUR", date: dayOf(event) });
            return {
                order: event.data.order,
                customer: event.data.customer,
                status: "charged",
                total: event.data.total,
                charged: event.data.charged,
                overcharged: cents(event.data.charged - event.data.total),
                charged_eur: cents(event.data.charged * fx.rate),
                fx_rate: fx.rate,
            };
        },
        PaymentRefunded(state = {}, event) {
            const refunded = cents((state.refunded ?? 0) + event.data.amount);
            return Object.assign({}, state, {
                status: "refunded",
                refunded: refunded,
                overcharged: cents((state.overcharged ?? 0) - event.data.amount),
            });
        },
    },

    // Reactions that emit events. Replay never runs them (the recorded events are the truth);
    // re-processing a branch with a model runs them to show what that code would have done.
    handlers: {
        // The payment service charges an order's total, as release 2.4.0 ran it.
        OrderPlaced(event, ctx) {
            const tax = ctx.rule("tax");
            const total = cents(event.data.amount * (1 + tax.rate));
            // The bug: 2.4.0 still sent the total in cents, and the v2 API read it as dollars.
            const charged =
                ctx.rule("paymentRelease").version === "2.4.0" ? total * 100 : total;
            return [charge(event, ctx, tax.rate, total, charged)];
        },
    },

    projections: {
        // A projection's view is its own copy: changing it in place and returning it is cheap
        // however large it grows.
        // Net revenue per day, in USD: charges minus refunds.
        revenue: {
            PaymentCharged(view = {}, event) {
                const day = dayOf(event);
                view[day] = cents((view[day] ?? 0) + event.data.charged);
                return view;
            },
            PaymentRefunded(view = {}, event) {
                const day = dayOf(event);
                view[day] = cents((view[day] ?? 0) - event.data.amount);
                return view;
            },
        },
        // How many orders each customer placed.
        ordersPerCustomer: {
            OrderPlaced(view = {}, event) {
                view[event.data.customer] = (view[event.data.customer] ?? 0) + 1;
                return view;
            },
        },
    },
};
