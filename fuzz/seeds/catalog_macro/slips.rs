pub catalog Shop {
    type_bse = "x";
    section "Orders" {
        ORDER_A 404 { meaning: "A" },
        ORDER_B = { meaning: "B" },
        ORDER_C = 404 meaning,
        , ORDER_D = 404 { meaning: "D" },
        ORDER_E = 700 { meaning: "E" },
        orderNotFound = NOT_FOUND { "meaning": "x", handlign = "y" },
        "QUOTED" = 404 { meaning: 5 },
        404_X = 404u8 { meaning: b"x" },
    }
}