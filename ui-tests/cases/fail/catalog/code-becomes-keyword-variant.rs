use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            SELF = 409 { title: "Cannot act on oneself" },
            ORDER_LOCKED = 423 { title: "Order locked" },
        }
    }
}

fn main() {}
