// One compile reports every mistake, each on its own token, syntax slips included.
problem_codes::error_catalog! {
    pub catalog Shop {
        type_bse = "https://shop.example/problems/";
        section "Orders" {
            orderNotFound = 404 { meaning: "Order not found" },
            ORDER_DELETED = 201 { meaning: "Order deleted", handlign: "Show gone" },
            ORDER_LOCKED = "423" { meaning: "Order locked" },
            ORDER_DELETED = 410 { meaning: "Order removed" },
        }
        section "Payments" {}
    }
}

fn main() {}
