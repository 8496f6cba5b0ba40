package io.kopilka.tier;

import io.kopilka.tenant.Language;

/**
 * The customer-facing line for a change of level, in Russian, Kazakh and English. Level names are
 * the owner's own text and are quoted as they are; only the sentence around them is ours.
 */
public final class TierMessages {
    private TierMessages() {
    }

    public static String line(ChangeReason reason, Language language, String from, String to) {
        return switch (language) {
            case RU -> ru(reason, from, to);
            case KK -> kk(reason, from, to);
            case EN -> en(reason, from, to);
        };
    }

    private static String ru(ChangeReason reason, String from, String to) {
        return switch (reason) {
            case QUALIFIED -> "Новый уровень «" + to + "»: порог уровня достигнут";
            case GRACE_ENDED -> "Уровень изменён на «" + to + "»: за льготный период порог уровня «" + from
                    + "» снова не был достигнут";
            case ASSIGNED -> "Уровень «" + to + "» присвоен администратором программы";
            case LEVEL_REMOVED -> "Уровень изменён на «" + to + "»: уровня «" + from + "» больше нет в программе";
        };
    }

    private static String kk(ChangeReason reason, String from, String to) {
        return switch (reason) {
            case QUALIFIED -> "Жаңа деңгей «" + to + "»: деңгей шегіне жеттіңіз";
            case GRACE_ENDED -> "Деңгей «" + to + "» болып өзгерді: жеңілдікті кезеңде «" + from
                    + "» деңгейінің шегіне қайта жетпедіңіз";
            case ASSIGNED -> "«" + to + "» деңгейін бағдарлама әкімшісі берді";
            case LEVEL_REMOVED -> "Деңгей «" + to + "» болып өзгерді: «" + from + "» деңгейі бағдарламада енді жоқ";
        };
    }

    private static String en(ChangeReason reason, String from, String to) {
        return switch (reason) {
            case QUALIFIED -> "New level \"" + to + "\": you reached its threshold";
            case GRACE_ENDED -> "Level changed to \"" + to + "\": the \"" + from
                    + "\" threshold was not reached again within the grace period";
            case ASSIGNED -> "Level \"" + to + "\" given by the program's team";
            case LEVEL_REMOVED -> "Level changed to \"" + to + "\": the program no longer has the \"" + from
                    + "\" level";
        };
    }
}
