namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Audited actions (stable codes; the audit API and reports use them).</summary>
public static class AuditActions
{
    /// <summary>A sign-in attempt (outcome says whether it succeeded).</summary>
    public const string SignIn = "auth.sign_in";

    /// <summary>A sign-out.</summary>
    public const string SignOut = "auth.sign_out";

    /// <summary>An account was locked out after repeated failures.</summary>
    public const string LockedOut = "auth.locked_out";

    /// <summary>A token was issued (password, refresh or client credentials grant).</summary>
    public const string TokenIssued = "auth.token_issued";

    /// <summary>A password was changed or reset.</summary>
    public const string PasswordChanged = "account.password_changed";

    /// <summary>Two-factor authentication was enabled or reset.</summary>
    public const string TwoFactorChanged = "account.two_factor_changed";

    /// <summary>An account was created.</summary>
    public const string AccountCreated = "account.created";

    /// <summary>An account was disabled.</summary>
    public const string AccountDisabled = "account.disabled";

    /// <summary>An account was enabled again.</summary>
    public const string AccountEnabled = "account.enabled";

    /// <summary>An account's roles changed.</summary>
    public const string RolesChanged = "account.roles_changed";

    /// <summary>An account's individual permissions (e.g. unmasking personal data) changed.</summary>
    public const string PermissionsChanged = "account.permissions_changed";

    /// <summary>An integrator client was registered or changed.</summary>
    public const string ClientChanged = "client.changed";

    /// <summary>An event subscription was created or disabled.</summary>
    public const string EventSubscriptionChanged = "event_subscription.changed";

    /// <summary>Dead-lettered event deliveries were replayed.</summary>
    public const string EventDeliveryReplayed = "event_delivery.replayed";

    /// <summary>A module was switched on or off between two starts.</summary>
    public const string ModuleToggled = "config.module_toggled";

    /// <summary>A setting changed between two starts (secrets are never recorded, only that they changed).</summary>
    public const string ConfigurationChanged = "config.changed";

    /// <summary>Business data was created.</summary>
    public const string DataCreated = "data.create";

    /// <summary>Business data was updated.</summary>
    public const string DataUpdated = "data.update";

    /// <summary>Business data was deleted.</summary>
    public const string DataDeleted = "data.delete";

    /// <summary>Data was exported.</summary>
    public const string DataExported = "data.export";

    /// <summary>Personal data was shown unmasked.</summary>
    public const string PersonalDataViewed = "data.personal_viewed";

    /// <summary>A person was looked up by the full resident ID number (or a registration matched one outside the caller's scope).</summary>
    public const string PersonalDataSearched = "data.personal_searched";

    /// <summary>Access was refused.</summary>
    public const string AccessDenied = "access.denied";

    /// <summary>The audit chain was verified.</summary>
    public const string AuditVerified = "audit.verified";

    /// <summary>Audit records past retention were purged.</summary>
    public const string AuditPurged = "audit.purged";
}
