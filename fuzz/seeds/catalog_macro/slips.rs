pub catalog Shop {
    type_bse = "x";
    section "Orders" {
        ORDER_A 404 { title: "A" },
        ORDER_B = { title: "B" },
        ORDER_C = 404 title,
        , ORDER_D = 404 { title: "D" },
        ORDER_E = 700 { title: "E" },
        orderNotFound = NOT_FOUND { "title": "x", handlign = "y" },
        "QUOTED" = 404 { title: 5 },
        404_X = 404u8 { title: b"x" },
    }
}