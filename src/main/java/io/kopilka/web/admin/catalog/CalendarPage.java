package io.kopilka.web.admin.catalog;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.Challenges;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Now;
import io.kopilka.tenant.ScreenAccess;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.admin.catalog.CampaignCalendar.Campaign;
import io.kopilka.web.admin.catalog.CampaignCalendar.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign calendar (seed 004's annual plan of promotions): rules, challenges and rewards on sale
 * by the days they run, a month or a year at a time. This class only gathers them from the facades;
 * where each bar goes, and the gaps and overlaps, are {@link CampaignCalendar}'s.
 */
@Controller
class CalendarPage {
    /** The most campaigns of each kind read for one page: far beyond any real plan, and a bound on the work. */
    static final int MOST = 500;
    private static final int BATCH = 100;
    private final Rules rules;
    private final Challenges challenges;
    private final RewardCatalog rewards;
    private final Tenants tenants;
    private final Clock clock;

    CalendarPage(Rules rules, Challenges challenges, RewardCatalog rewards, Tenants tenants, Clock clock) {
        this.rules = rules;
        this.challenges = challenges;
        this.rewards = rewards;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String calendar(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "month") String view,
                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                    Model model, Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        ZoneId zone = tenant.timezone();
        LocalDate today = Now.of(clock).atZone(zone).toLocalDate();
        int y = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
        int m = month == null || month < 1 || month > 12 ? (year == null ? today.getMonthValue() : 1) : month;
        // What always runs (the base points rule) is listed above the calendar, not drawn: a bar over every
        // day would hide the plan's gaps, which are about the dated promotions.
        List<Campaign> all = campaigns(me, zone, locale.getLanguage());
        List<Campaign> campaigns = all.stream().filter(c -> c.from() != null || c.until() != null).toList();
        model.addAttribute("always", all.stream().filter(c -> c.from() == null && c.until() == null).toList());
        model.addAttribute("today", today);
        model.addAttribute("links", new Links(
                ScreenAccess.allows(me.role(), "/admin/rules"), ScreenAccess.allows(me.role(), "/admin/challenges"),
                ScreenAccess.allows(me.role(), "/admin/rewards")));
        if (view.equals("year")) {
            model.addAttribute("view", "year");
            model.addAttribute("calendar", CampaignCalendar.year(y, campaigns));
            model.addAttribute("previous", "/admin/calendar?view=year&year=" + (y - 1));
            model.addAttribute("next", "/admin/calendar?view=year&year=" + (y + 1));
            model.addAttribute("other", "/admin/calendar?view=month&year=" + y + "&month="
                    + (y == today.getYear() ? today.getMonthValue() : 1));
        } else {
            YearMonth shown = YearMonth.of(y, m);
            model.addAttribute("view", "month");
            model.addAttribute("calendar", CampaignCalendar.month(shown, campaigns));
            model.addAttribute("previous", monthLink(shown.minusMonths(1)));
            model.addAttribute("next", monthLink(shown.plusMonths(1)));
            model.addAttribute("other", "/admin/calendar?view=year&year=" + y);
        }
        return "admin/catalog/calendar";
    }

    /** Which campaigns the reader may open (a manager sees the calendar, not the rules' pages). */
    record Links(boolean rules, boolean challenges, boolean rewards) {
        public String to(Campaign c) {
            return switch (c.kind()) {
                case RULE -> rules ? "/admin/rules/" + c.id() : null;
                case CHALLENGE -> challenges ? "/admin/challenges/" + c.id() : null;
                case REWARD -> rewards ? "/admin/rewards/" + c.id() : null;
            };
        }
    }

    private static String monthLink(YearMonth month) {
        return "/admin/calendar?view=month&year=" + month.getYear() + "&month=" + month.getMonthValue();
    }

    /** The live rules, the running challenges and the rewards on sale, by the days they run. */
    private List<Campaign> campaigns(StaffMember me, ZoneId zone, String language) {
        List<Campaign> campaigns = new ArrayList<>();
        Rules.Position position = null;
        for (int read = 0; read < MOST; read += BATCH) {
            List<Rules.Listed> page = rules.page(me.tenant(), position, BATCH);
            page.forEach(l -> campaigns.add(new Campaign(Kind.RULE, l.rule().id().value().toString(), l.rule().name(),
                    FormInput.firstDay(l.rule().validFrom(), zone), FormInput.lastDay(l.rule().validTo(), zone))));
            if (page.size() < BATCH) {
                break;
            }
            position = page.getLast().position();
        }
        UUID after = null;
        for (int read = 0; read < MOST; read += BATCH) {
            List<Challenge> page = challenges.page(me.tenant(), after, BATCH);
            page.stream().filter(c -> c.draft().active()).forEach(c -> campaigns.add(new Campaign(Kind.CHALLENGE,
                    c.id().toString(), c.draft().names().in(language), FormInput.firstDay(c.draft().validFrom(), zone),
                    FormInput.lastDay(c.draft().validTo(), zone))));
            if (page.size() < BATCH) {
                break;
            }
            after = page.getLast().id();
        }
        after = null;
        for (int read = 0; read < MOST; read += BATCH) {
            List<CatalogReward> page = rewards.page(me.tenant(), after, BATCH, true);
            page.forEach(r -> campaigns.add(new Campaign(Kind.REWARD, r.reward().id().toString(),
                    r.reward().name().in(language), FormInput.firstDay(r.reward().validFrom(), zone),
                    FormInput.lastDay(r.reward().validTo(), zone))));
            if (page.size() < BATCH) {
                break;
            }
            after = page.getLast().reward().id();
        }
        return campaigns;
    }
}
