use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum UploadError {
    #[problem(code = "UPLOAD_TOO_LARGE", status = 413, title = "Upload too large")]
    TooLarge {
        #[problem(header = "Transfer-Encoding")]
        encoding: String,
    },
}

fn main() {}
