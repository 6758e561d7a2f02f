using System.Globalization;
using System.Threading.RateLimiting;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Security;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Identity;

/// <summary>
/// The area's sign-in part (composed by <see cref="AddIdentityArea"/> and <see cref="UseIdentityArea"/>): ASP.NET Core
/// Identity accounts, web sessions (cookie, idle and absolute timeouts), OAuth tokens (OpenIddict: password +
/// rotating refresh tokens for people, client credentials for integrators), per-IP and per-account sign-in limits,
/// and the authorization policies. Every endpoint needs a signed-in caller unless it says <c>AllowAnonymous</c>.
/// </summary>
public static partial class IdentityArea
{
    /// <summary>Rate-limiter policy of the sign-in endpoints (per IP).</summary>
    internal const string SignInRateLimit = "sign-in";

    /// <summary>The default scheme: bearer tokens when the request has one, otherwise the session cookie.</summary>
    private const string PlatformScheme = "platform";

    private static void AddSignIn(IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<PasswordPolicyOptions>(configuration.GetSection(PasswordPolicyOptions.Section));
        services.AddPlatformAccess();
        services.AddSingleton(provider => new IdNumberHasher(provider.GetRequiredService<LocalKeyStore>().GetOrCreateSecret("Security:IdNumberKey", "id-number.key")));
        services.AddSingleton<SignInAttemptLimiter>();
        services.AddScoped<SignInService>();
        services.AddScoped<TwoFactorCodes>();

        services.AddDataProtection()
            .SetApplicationName("KnowledgeRenewal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys", "data-protection")));

        services.AddIdentityCore<PlatformUser>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = security.LockoutMaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";

                // The platform's own validator (MlpsPasswordValidator) is the password policy.
                options.Password.RequiredLength = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.ClaimsIdentity.UserIdClaimType = PlatformClaims.Subject;
                options.ClaimsIdentity.UserNameClaimType = PlatformClaims.Name;
                options.ClaimsIdentity.RoleClaimType = PlatformClaims.Role;
                options.ClaimsIdentity.SecurityStampClaimType = PlatformClaims.SecurityStamp;
            })
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<MlpsPasswordValidator>();

        // Every cookie of the platform — session, pending sign-in, antiforgery, TempData — is HttpOnly, SameSite=Strict
        // and HTTPS-only where HTTPS is required.
        var secureCookies = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "kr.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies;
            options.HeaderName = ApiAntiforgeryMiddleware.HeaderName;

            // X-Frame-Options: DENY goes out on every response (SecurityHeadersMiddleware), not SAMEORIGIN on some.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "kr.tempdata";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies;
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PlatformScheme;
                options.DefaultChallengeScheme = PlatformScheme;
                options.DefaultForbidScheme = PlatformScheme;
            })
            .AddPolicyScheme(PlatformScheme, "Bearer token or session cookie", options =>
                options.ForwardDefaultSelector = context =>
                    ApiRequests.HasBearerToken(context.Request)
                        ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                        : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "kr.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secureCookies;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionIdleMinutes);
                options.SlidingExpiration = true;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/denied";
                options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, options =>
            {
                // Between "password proven" and "signed in": setting up two factors or replacing a one-time password.
                options.Cookie.Name = "kr.pending";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = secureCookies;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                options.SlidingExpiration = false;
            });

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token").SetRevocationEndpointUris("connect/revoke");
                options.AllowPasswordFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                options.AcceptAnonymousClients();
                options.RegisterScopes([Scopes.OfflineAccess, .. FeedScopes.All]);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(security.AccessTokenMinutes));
                options.SetRefreshTokenLifetime(TimeSpan.FromHours(security.RefreshTokenHours));
                options.DisableSlidingRefreshTokenExpiration();

                // A refresh token is single-use: replaying a used one fails (and OpenIddict revokes its chain).
                options.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                var keys = new TokenKeys(new LocalKeyStore(database, configuration));
                options.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                var aspNetCore = options.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!security.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();

                // Every bearer request checks its token entry: revoked tokens stop working at once.
                options.EnableTokenEntryValidation();
            });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Counts sign-in attempts (POSTs) per IP address; showing the login page costs nothing.
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInPerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("page"));
            options.OnRejected = (context, _) =>
            {
                // Every limit is a one-minute window: the lease knows how much of it is left.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

        services.AddSingleton<IAuthorizationPolicyProvider, PlatformPolicyProvider>();
        services.AddAuthorization(PlatformPolicyProvider.AddPolicies);
    }

    private static void UseSignIn(WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<AccountStateMiddleware>();

        // Nothing answers here (no endpoint; OpenIddict has handled its own endpoints above): 404 for everyone,
        // rather than the fallback policy's 401 — a switched-off module's address is simply gone.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    // Pages redirect to the login page; API and feed requests get a bare 401/403 (problem details via status code pages).
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiRequests.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(Relative(context.RedirectUri));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The path and query of a redirect the cookie handler built from the request's own Host header: a relative
    /// redirect stays on the site the browser is on, whatever Host a client sent.
    /// </summary>
    private static string Relative(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute.PathAndQuery
            : redirectUri;

    /// <summary>The token signing (RSA) and encryption (AES) keys: kept under the data folder, or configured.</summary>
    private sealed class TokenKeys
    {
        public TokenKeys(LocalKeyStore store)
        {
            Signing = new RsaSecurityKey(store.GetOrCreateRsa("token-signing.pem")) { KeyId = "kr-signing" };
            Encryption = new SymmetricSecurityKey(store.GetOrCreateSecret("Security:TokenEncryptionKey", "token-encryption.key", 32)) { KeyId = "kr-encryption" };
        }

        public SecurityKey Signing { get; }

        public SecurityKey Encryption { get; }
    }
}
