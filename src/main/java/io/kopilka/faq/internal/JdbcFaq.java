package io.kopilka.faq.internal;

import io.kopilka.faq.DefaultQuestions;
import io.kopilka.faq.Faq;
import io.kopilka.faq.FaqItem;
import io.kopilka.faq.FaqList;
import io.kopilka.faq.FaqValidation;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A list is its {@code faq_list} row (the owner wrote this language) and its {@code faq_item} rows by
 * position; a replacement locks the list row, so two owners saving at once leave one of the two lists,
 * whole, and never a mix of both.
 */
@Service
class JdbcFaq implements Faq {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcFaq(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public FaqList questions(TenantId tenant, Language language) {
        boolean custom = jdbc.sql("SELECT count(*) FROM faq_list WHERE tenant_id = :tenant AND locale = :locale")
                .param("tenant", tenant.value()).param("locale", language.tag()).query(Long.class).single() > 0;
        if (!custom) {
            return new FaqList(language, false, DefaultQuestions.in(language));
        }
        List<FaqItem> items = jdbc.sql("""
                SELECT question, answer FROM faq_item WHERE tenant_id = :tenant AND locale = :locale
                ORDER BY position""")
                .param("tenant", tenant.value()).param("locale", language.tag())
                .query((rs, i) -> new FaqItem(rs.getString("question"), rs.getString("answer"))).list();
        return new FaqList(language, true, items);
    }

    @Override
    @Transactional
    public FaqList replace(TenantId tenant, Language language, List<FaqItem> items) {
        List<FaqItem> checked = FaqValidation.check(items);
        jdbc.sql("""
                INSERT INTO faq_list (tenant_id, locale, updated_at) VALUES (:tenant, :locale, :now)
                ON CONFLICT (tenant_id, locale) DO UPDATE SET updated_at = excluded.updated_at""")
                .param("tenant", tenant.value()).param("locale", language.tag())
                .param("now", Timestamp.from(Now.of(clock))).update();
        jdbc.sql("DELETE FROM faq_item WHERE tenant_id = :tenant AND locale = :locale")
                .param("tenant", tenant.value()).param("locale", language.tag()).update();
        for (int position = 0; position < checked.size(); position++) {
            FaqItem item = checked.get(position);
            jdbc.sql("""
                    INSERT INTO faq_item (tenant_id, locale, position, question, answer)
                    VALUES (:tenant, :locale, :position, :question, :answer)""")
                    .param("tenant", tenant.value()).param("locale", language.tag()).param("position", position)
                    .param("question", item.question()).param("answer", item.answer()).update();
        }
        return new FaqList(language, true, checked);
    }

    @Override
    @Transactional
    public FaqList reset(TenantId tenant, Language language) {
        // The items go with their list (ON DELETE CASCADE).
        jdbc.sql("DELETE FROM faq_list WHERE tenant_id = :tenant AND locale = :locale")
                .param("tenant", tenant.value()).param("locale", language.tag()).update();
        return new FaqList(language, false, DefaultQuestions.in(language));
    }
}
