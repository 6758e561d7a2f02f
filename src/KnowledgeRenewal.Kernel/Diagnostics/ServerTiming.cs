using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Kernel.Diagnostics;

/// <summary>
/// Per-request timing for measurement (<c>build/measure-pages.sh</c>) and the page budget tests: when
/// <see cref="PlatformOptions.ServerTiming"/> is on, every response carries a W3C <c>Server-Timing</c> header
/// <c>app;dur=12.4, sql;dur=3.1;desc="7"</c> — the server's time up to the response's first byte and the database
/// commands it ran (count in <c>desc</c>, time in <c>dur</c>). Off by default: it tells a caller how much work a request
/// caused, which a production deployment keeps to itself.
/// </summary>
public static class ServerTiming
{
    /// <summary>The response header.</summary>
    public const string Header = "Server-Timing";

    private static readonly AsyncLocal<RequestWork?> Current = new();

    private static long uncounted;

    /// <summary>
    /// Commands that ran after their request's header had been sent (a response streamed while it still reads), so
    /// no header counted them — in this process, since it started. The query-count tests check it does not grow: a
    /// feed that queried per row while writing its answer would otherwise hide the rows after the first flush.
    /// </summary>
    public static long UncountedCommands => Interlocked.Read(ref uncounted);

    /// <summary>Counts the database commands of the current request (when <see cref="PlatformOptions.ServerTiming"/> is on).</summary>
    public static IServiceCollection AddServerTiming(this IServiceCollection services, PlatformOptions platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (platform.ServerTiming)
        {
            services.AddSingleton(new PlatformInterceptor(0, _ => CommandCounter.Instance));
        }

        return services;
    }

    /// <summary>Adds the header to every response (when on). Put it first, so it times the whole pipeline.</summary>
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app, PlatformOptions platform)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(platform);
        return platform.ServerTiming ? app.Use(TimeAsync) : app;
    }

    private static Task TimeAsync(HttpContext context, RequestDelegate next)
    {
        var work = new RequestWork();
        Current.Value = work;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append(Header, work.Describe());
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>What one request made the database do so far.</summary>
    private sealed class RequestWork
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private int _commands;
        private long _commandTicks;
        private volatile bool _described;

        public void Add(TimeSpan duration)
        {
            if (_described)
            {
                Interlocked.Increment(ref uncounted);
            }

            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _commandTicks, duration.Ticks);
        }

        public string Describe()
        {
            _described = true;
            return string.Create(
            CultureInfo.InvariantCulture,
            $"app;dur={Stopwatch.GetElapsedTime(_started).TotalMilliseconds:0.0}, sql;dur={TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks)).TotalMilliseconds:0.0};desc=\"{Volatile.Read(ref _commands)}\"");
        }
    }

    /// <summary>Adds every executed command (reader, scalar, non-query; failed ones too) to the current request.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public static readonly CommandCounter Instance = new();

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Count(eventData);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Count(eventData);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Count(eventData);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Current.Value?.Add(eventData.Duration);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Current.Value?.Add(eventData.Duration);
            return Task.CompletedTask;
        }

        private static void Count(CommandExecutedEventData eventData) => Current.Value?.Add(eventData.Duration);
    }
}
