package io.kopilka.testing.browser;

/** A page's size in CSS pixels, at a device pixel ratio of 1, so a screenshot has exactly these pixels. */
public record Viewport(int width, int height) {
    /** A laptop's browser window. */
    public static final Viewport DESKTOP = new Viewport(1280, 800);
    /** A phone held upright (an iPhone 12 to 15's CSS size): the wallet and the e-mail links open here. */
    public static final Viewport PHONE = new Viewport(390, 844);

    /** The two sizes every screen is looked at in. */
    public static final java.util.List<Viewport> BOTH = java.util.List.of(DESKTOP, PHONE);

    /** Narrow enough to be a phone: the page is laid out as on one (its meta viewport applies). */
    boolean mobile() {
        return width < 600;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
