/// Docs.
pub catalog Shop {
    type_base = "https://shop.example/p/";
    crate = "::problem_codes";
    /// Orders.
    section "Orders" {
        /// Docs.
        ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show it" },
        ORDER_LOCKED = 423 { title: "Order locked", deprecated: "ORDER_NOT_FOUND" },
        ORDER_GONE = 410 { title: "Order gone", deprecated: true }
    }
}
pub catalog Registry = Shop + other::Other { crate = "::problem_codes"; }