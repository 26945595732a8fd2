package dev.leakscope.profile.transform;

import dev.leakscope.util.PatternErrors;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.leakscope.profile.NumericLabelUnits;
import dev.leakscope.profile.Profile;

/**
 * pprof's sample filters (focus, ignore, hide, show, show_from, tagfocus, tagignore, tagshow,
 * taghide, prune_from), checked when built (a regex that does not compile is a usage error) and
 * applied in pprof's order by {@link #apply}. Built by name ({@link #builder}).
 */
public final class Filters {
    private static final Filters NONE = builder().build();

    private final String focus;
    private final String ignore;
    private final String hide;
    private final String show;
    private final String showFrom;
    private final String tagFocus;
    private final String tagIgnore;
    private final String tagShow;
    private final String tagHide;
    private final String pruneFrom;
    private final boolean relativePercentages;

    private final Pattern focusRe;
    private final Pattern ignoreRe;
    private final Pattern hideRe;
    private final Pattern showRe;
    private final Pattern showFromRe;
    private final Pattern tagShowRe;
    private final Pattern tagHideRe;
    private final Pattern pruneFromRe;
    private final TagFilter tagFocusFilter;
    private final TagFilter tagIgnoreFilter;

    private Filters(Builder b) {
        focus = b.focus;
        ignore = b.ignore;
        hide = b.hide;
        show = b.show;
        showFrom = b.showFrom;
        tagFocus = b.tagFocus;
        tagIgnore = b.tagIgnore;
        tagShow = b.tagShow;
        tagHide = b.tagHide;
        pruneFrom = b.pruneFrom;
        relativePercentages = b.relativePercentages;
        focusRe = compile("focus", focus);
        ignoreRe = compile("ignore", ignore);
        hideRe = compile("hide", hide);
        showRe = compile("show", show);
        showFromRe = compile("show_from", showFrom);
        tagFocusFilter = TagFilter.parse("tagfocus", tagFocus);
        tagIgnoreFilter = TagFilter.parse("tagignore", tagIgnore);
        tagShowRe = compile("tagshow", tagShow);
        tagHideRe = compile("taghide", tagHide);
        pruneFromRe = compile("prune_from", pruneFrom);
    }

    /** Filters set one by one, by name; a null or empty value leaves a filter unset. */
    public static Builder builder() {
        return new Builder();
    }

    public static Filters none() {
        return NONE;
    }

    public boolean relativePercentages() {
        return relativePercentages;
    }

    /** Every filter set, as {@code name=value}: the active filters and prune_from. */
    public List<String> describe() {
        List<String> out = activeFilters();
        add(out, "prune_from", pruneFrom);
        return out;
    }

    /** The {@code name=value} lines of pprof's "Active filters" header (prune_from is not listed). */
    public List<String> activeFilters() {
        List<String> out = new ArrayList<>();
        add(out, "focus", focus);
        add(out, "ignore", ignore);
        add(out, "hide", hide);
        add(out, "show", show);
        add(out, "show_from", showFrom);
        add(out, "tagfocus", tagFocus);
        add(out, "tagignore", tagIgnore);
        add(out, "tagshow", tagShow);
        add(out, "taghide", tagHide);
        return out;
    }

    /**
     * The profile filtered as pprof filters it: focus/ignore/hide/show, then show_from, then
     * tagfocus/tagignore, then tagshow/taghide, then prune_from. Samples without any frame are always
     * dropped, as pprof does. Notices ("Focus expression matched no samples", tag ranges) go to notices.
     */
    public Profile apply(Profile p, Consumer<String> notices) {
        if (tagFocusFilter != null && tagFocusFilter.isRange()) {
            notices.accept("tagfocus:Interpreted '" + tagFocusFilter.rangeText() + "' as range, not regexp");
        }
        if (tagIgnoreFilter != null && tagIgnoreFilter.isRange()) {
            notices.accept("tagignore:Interpreted '" + tagIgnoreFilter.rangeText() + "' as range, not regexp");
        }
        FrameFilter frames = new FrameFilter(p);
        boolean[] matched = frames.byName(focusRe, ignoreRe, hideRe, showRe);
        warn(focusRe == null || matched[0], "Focus", notices);
        warn(ignoreRe == null || matched[1], "Ignore", notices);
        warn(hideRe == null || matched[2], "Hide", notices);
        warn(showRe == null || matched[3], "Show", notices);
        if (showFromRe != null) {
            warn(frames.showFrom(showFromRe), "ShowFrom", notices);
        }
        Profile out = frames.result();
        if (tagFocusFilter != null || tagIgnoreFilter != null) {
            Map<String, String> units = NumericLabelUnits.of(p);
            Outcome m = TagFilter.filterSamples(out, tagFocusFilter, tagIgnoreFilter, units);
            out = m.profile();
            warn(tagFocusFilter == null || m.firstMatched(), "TagFocus", notices);
            warn(tagIgnoreFilter == null || m.secondMatched(), "TagIgnore", notices);
        }
        if (tagShowRe != null || tagHideRe != null) {
            Outcome m = TagFilter.filterKeys(out, tagShowRe, tagHideRe);
            out = m.profile();
            warn(tagShowRe == null || m.firstMatched(), "TagShow", notices);
            warn(tagHideRe == null || m.secondMatched(), "TagHide", notices);
        }
        if (pruneFromRe != null) {
            out = FrameFilter.pruneFrom(out, pruneFromRe);
        }
        return out;
    }

    /** Sets pprof's filters by name, then {@link #build} checks them. */
    public static final class Builder {
        private String focus = "";
        private String ignore = "";
        private String hide = "";
        private String show = "";
        private String showFrom = "";
        private String tagFocus = "";
        private String tagIgnore = "";
        private String tagShow = "";
        private String tagHide = "";
        private String pruneFrom = "";
        private boolean relativePercentages;

        private Builder() {
        }

        public Builder focus(String regex) {
            focus = orEmpty(regex);
            return this;
        }

        public Builder ignore(String regex) {
            ignore = orEmpty(regex);
            return this;
        }

        public Builder hide(String regex) {
            hide = orEmpty(regex);
            return this;
        }

        public Builder show(String regex) {
            show = orEmpty(regex);
            return this;
        }

        public Builder showFrom(String regex) {
            showFrom = orEmpty(regex);
            return this;
        }

        /** Label values to keep: regexes ({@code a,b}) or a numeric range ({@code bytes=1kB:}). */
        public Builder tagFocus(String filter) {
            tagFocus = orEmpty(filter);
            return this;
        }

        /** Label values to drop, as {@link #tagFocus}. */
        public Builder tagIgnore(String filter) {
            tagIgnore = orEmpty(filter);
            return this;
        }

        public Builder tagShow(String regex) {
            tagShow = orEmpty(regex);
            return this;
        }

        public Builder tagHide(String regex) {
            tagHide = orEmpty(regex);
            return this;
        }

        public Builder pruneFrom(String regex) {
            pruneFrom = orEmpty(regex);
            return this;
        }

        /**
         * Apply the filters before the report total is computed (pprof's -relative_percentages), so
         * percentages are of the filtered profile.
         */
        public Builder relativePercentages(boolean on) {
            relativePercentages = on;
            return this;
        }

        /** The filters; a regex that does not compile is a usage error. */
        public Filters build() {
            return new Filters(this);
        }
    }

    /** A filtered profile and whether each of a pair of filters matched something. */
    record Outcome(Profile profile, boolean firstMatched, boolean secondMatched) {
    }

    private static void warn(boolean ok, String option, Consumer<String> notices) {
        if (!ok) {
            notices.accept(option + " expression matched no samples");
        }
    }

    private static void add(List<String> out, String name, String value) {
        if (!value.isEmpty()) {
            out.add(name + "=" + value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static Pattern compile(String name, String regex) {
        if (regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("parsing " + name + " regexp: " + PatternErrors.reason(e) + " in '" + regex + "'");
        }
    }
}
