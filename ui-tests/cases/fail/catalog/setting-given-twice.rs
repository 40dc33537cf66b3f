problem_codes::error_catalog! {
    pub catalog Shop {
        type_base = "https://shop.example/problems/";
        type_base = "https://shop.example/errors/";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
