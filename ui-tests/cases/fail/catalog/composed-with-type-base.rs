mod orders {
    problem_codes::error_catalog! {
        pub catalog Orders {
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found" },
            }
        }
    }
}

use orders::Orders;

problem_codes::error_catalog! {
    pub catalog Shop = Orders {
        type_base = "https://shop.example/problems/";
    }
}

fn main() {}
