use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        crate = "::my_api::problem_codes";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
