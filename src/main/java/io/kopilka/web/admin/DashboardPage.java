package io.kopilka.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: how the program is doing today and over the last 30 days. */
@Controller
class DashboardPage {

    @GetMapping({"/admin", "/admin/"})
    String dashboard() {
        return "admin/dashboard";
    }
}
