package io.qunyun.rules.domain.selfcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The fact the FiveW1H table matches on. "Given" flags are computed here so the table can say
 * "missing" without knowing that blank text counts as missing. A row's three actions fill the
 * pending severity, code and message; {@link #closeFinding(String)} turns them into a finding once
 * the row has fired.
 */
public class SelfCheck {

    private final String groupType;
    private final boolean screened;
    private final boolean whyGiven;
    private final boolean whatGiven;
    private final boolean whereGiven;
    private final boolean whoGiven;
    private final Integer lifecycleHours;
    private final String how;
    private final String primaryMetric;
    private final Boolean highInvolvement;

    private String severity;
    private String code;
    private String message;
    private final List<Finding> findings = new ArrayList<>();

    public SelfCheck(FiveW1HAnswers answers) {
        this.groupType = answers.groupType() == null ? null : answers.groupType().name();
        this.screened = answers.screened();
        this.whyGiven = given(answers.why());
        this.whatGiven = given(answers.what());
        this.whereGiven = given(answers.where());
        this.whoGiven = given(answers.who());
        this.lifecycleHours = answers.lifecycleHours();
        this.how = answers.how() == null ? null : answers.how().name();
        this.primaryMetric = answers.primaryMetric() == null ? null : answers.primaryMetric().name();
        this.highInvolvement = answers.highInvolvement();
    }

    private static boolean given(String answer) {
        return answer != null && !answer.isBlank();
    }

    public String getGroupType() {
        return groupType;
    }

    public boolean isTypeGiven() {
        return groupType != null;
    }

    public boolean isScreened() {
        return screened;
    }

    public boolean isWhyGiven() {
        return whyGiven;
    }

    public boolean isWhatGiven() {
        return whatGiven;
    }

    public boolean isWhereGiven() {
        return whereGiven;
    }

    public boolean isWhoGiven() {
        return whoGiven;
    }

    public boolean isLifecycleGiven() {
        return lifecycleHours != null;
    }

    public Integer getLifecycleHours() {
        return lifecycleHours;
    }

    public boolean isHowGiven() {
        return how != null;
    }

    public String getHow() {
        return how;
    }

    public String getPrimaryMetric() {
        return primaryMetric;
    }

    /** null when not answered: then neither "true" nor "false" matches. */
    public Boolean getHighInvolvement() {
        return highInvolvement;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    /** Called after a row fired: the row must have set all three outputs. */
    void closeFinding(String rule) {
        if (severity == null || code == null || message == null) {
            throw new IllegalStateException("row '" + rule + "' must set severity, code and message");
        }
        Severity parsed;
        try {
            parsed = Severity.valueOf(severity.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("row '" + rule + "' has unknown severity '" + severity + "'");
        }
        findings.add(new Finding(parsed, code.trim(), message.trim(), rule));
        severity = null;
        code = null;
        message = null;
    }

    List<Finding> findings() {
        return findings;
    }
}
