package io.kopilka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** A phone in the customer's hand, for the wallet's screen tests: joined (and so signed in) through the join page. */
public final class WalletScreens {
    private WalletScreens() {
    }

    /** Joins the business at {@code /w/{slug}} as a new member and answers the client, signed in as them. */
    public static Screens joined(int port, String slug, String phone, String name) {
        Screens phoneBrowser = new Screens(port);
        Screens.Page form = phoneBrowser.get("/w/" + slug + "/join");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        Screens.Page joined = phoneBrowser.post("/w/" + slug + "/join",
                Map.of("phone", phone, "name", name, "agree", "true"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(302);
        assertThat(joined.location()).endsWith("/w/" + slug + "?welcome");
        return phoneBrowser;
    }
}
