package io.qunyun.rules.domain.touch;

/** Circle layer (domain brief §3): operators reach CORE and part of INFLUENCE; those reach the PERIPHERY. */
public enum CircleLayer {
    CORE, INFLUENCE, PERIPHERY
}
