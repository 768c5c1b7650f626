package app.shutter.auth;

/** What a correct password gets: tokens, or (two-factor login on) a challenge for the second factor. */
public sealed interface LoginAnswer permits AuthResponse, TwoFactorViews.Challenge {
}
