package org.fonds.agent;

/** What kind of actor an agent is. */
public enum AgentType {
    PERSON,
    /** A state, ministry, party, army, front or mission: the Korean People's Army, the Fatherland Front. */
    ORGANISATION,
    /** A post as an actor in its own right, whoever holds it: the Secretary of State, Certain Diplomatic Offices. */
    OFFICE,
    /** A collective body acting as one: the Politburo, the Joint Soviet-American Commission. */
    GROUP
}
