#[problem(catalgo = Shop)]
enum E {
    #[problem(code = "order-locked", status = 700, titel = "Locked", detail = "{missing} {0:$} {")]
    A { #[problem(extenion)] until: String, #[problem(retry_after, retry_after)] a: u8 },
    #[problem(transparent, code = "X")]
    B(u8, u8),
}