package io.qunyun.rules.domain.touch;

/**
 * Who makes the touch: a staff role (管家 steward, 售前顾问 pre-sales, 售后客服 after-sales, 群主 owner,
 * 助教 teaching assistant), or CORE_MEMBER when core members reach the others ("use A to drive B").
 */
public enum OwnerRole {
    STEWARD, PRE_SALES, AFTER_SALES, OWNER, TEACHING_ASSISTANT, CORE_MEMBER
}
