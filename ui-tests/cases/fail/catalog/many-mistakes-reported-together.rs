// One compile reports every mistake, each on its own token, syntax slips included.
problem_codes::error_catalog! {
    pub catalog Shop {
        type_bse = "https://shop.example/problems/";
        section "Orders" {
            orderNotFound = 404 { title: "Order not found" },
            ORDER_DELETED = 201 { title: "Order deleted", handlign: "Show gone" },
            ORDER_LOCKED = "423" { title: "Order locked" },
            ORDER_DELETED = 410 { title: "Order removed" },
        }
        section "Payments" {}
    }
}

fn main() {}
