// An enum without variants is not a mistake: like serde, the derive accepts an
// uninhabited type, with or without a catalog.
use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

#[derive(Debug, ProblemCode)]
pub enum Never {}

#[derive(Debug, ProblemCode)]
#[problem(catalog = Shop)]
pub enum NoneYet {}

fn assert_problem_code<T: ProblemCode>() {}

fn main() {
    assert_problem_code::<Never>();
    assert_problem_code::<NoneYet>();
}
