use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404u8 { title: "Order not found" },
        }
    }
}

fn main() {}
