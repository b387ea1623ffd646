(module (data "\u{110000}" "\u{d800}" "\x"))
