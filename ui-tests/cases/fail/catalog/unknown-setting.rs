problem_codes::error_catalog! {
    pub catalog Shop {
        type_bse = "https://shop.example/problems/";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
