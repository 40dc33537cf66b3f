use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        type_base = "https://errors.shop.example/",
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
