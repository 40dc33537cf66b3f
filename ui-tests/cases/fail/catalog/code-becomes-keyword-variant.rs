use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            SELF = 409 { meaning: "Cannot act on oneself" },
            ORDER_LOCKED = 423 { meaning: "Order locked" },
        }
    }
}

fn main() {}
