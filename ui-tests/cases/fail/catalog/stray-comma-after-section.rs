use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        },
        section "Carts" {
            CART_EMPTY = 409 { title: "Cart is empty" },
        }
    }
}

fn main() {}
