package org.inferbench.export.publish;

/**
 * What the leak gate looks for (SPEC section 10): anything that tells a reader of a public archive
 * how the lab is set up or lets them in. The description is what a finding says.
 */
public enum LeakKind {
    /** Loopback included: {@code 127.0.0.1} in a published run says which services listen where. */
    IPV4_ADDRESS("IPv4 address"),
    IPV6_ADDRESS("IPv6 address"),
    /** An SSH login or an email address: both name a person on a machine. */
    USER_AT_HOST("user@host"),
    /** {@code /home/x}, {@code /Users/x}, {@code C:\Users\x}: the user's name, and where things are. */
    HOME_PATH("home directory path"),
    /** The value of an {@code Authorization} header, or a bearer token on its own. */
    AUTHORIZATION("authorization value"),
    /** A credential in a well-known shape ({@code sk-...}, {@code ghp_...}, a private key block). */
    API_KEY("API key"),
    /** The value of a variable named {@code *_KEY}, {@code *_TOKEN}, {@code *_SECRET} or {@code *_PASSWORD}. */
    SECRET_VARIABLE("secret variable value"),
    /** Whatever the user added with {@code --deny PATTERN}. */
    DENIED("denied pattern"),
    /**
     * The search store's own credential ({@code INFERBENCH_SEARCH_*}), found in what {@code ship} would send:
     * shipping it would hand it to everyone who can read the index. Never shown, not even in part.
     */
    STORE_CREDENTIAL("the search store's credential (INFERBENCH_SEARCH_*)");

    private final String description;

    LeakKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
