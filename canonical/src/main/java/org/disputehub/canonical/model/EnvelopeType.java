package org.disputehub.canonical.model;

/** What a connector tells the hub about a source record. */
public enum EnvelopeType { NEW, UPDATE, WITHDRAW }
