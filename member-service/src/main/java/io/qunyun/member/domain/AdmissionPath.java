package io.qunyun.member.domain;

/** How a membership began. */
public enum AdmissionPath {
    /** Joined a group that does not screen. */
    DIRECT,
    /** A reviewer approved an application. */
    SCREENED,
    /** Invited from another group (e.g. a transfer) into a group whose rules let them straight in. */
    INVITATION,
    /** Added as staff by a reviewer of the group. */
    STAFF
}
