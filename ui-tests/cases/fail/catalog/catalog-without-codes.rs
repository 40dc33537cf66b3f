problem_codes::error_catalog! {
    pub catalog Shop {}
}

fn main() {}
