using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>
/// Authentication applied once per route group: the group's filter authenticates each request before its handler
/// runs, answers MAAP's 401 itself, and leaves the <see cref="EmulatorUser"/> (and the scheme that proved it) on the
/// request for the handler. Routes MAAP serves anonymously are mapped outside such groups.
/// </summary>
internal static class EndpointAuthentication
{
    private static readonly object UserKey = new();
    private static readonly object SchemeKey = new();

    /// <summary>A group of routes under <paramref name="prefix"/> that only an authenticated user reaches.</summary>
    public static RouteGroupBuilder MapAuthenticatedGroup(this IEndpointRouteBuilder routes, string prefix) =>
        routes.MapAuthenticatedGroup(prefix, Responses.HttpError);

    /// <summary>
    /// Like <see cref="MapAuthenticatedGroup(IEndpointRouteBuilder, string)"/>, answering a refused request with
    /// <paramref name="refusal"/> (code, message): route families that MAAP serialises differently write their own.
    /// </summary>
    public static RouteGroupBuilder MapAuthenticatedGroup(this IEndpointRouteBuilder routes, string prefix, Func<int, string, IResult> refusal)
    {
        var group = routes.MapGroup(prefix);
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var users = context.RequestServices.GetRequiredService<EmulatorServices>().Users;
            var user = users.Authenticate(context.Request, out var failure, out var scheme);
            if (user is null)
            {
                return refusal(StatusCodes.Status401Unauthorized, failure);
            }

            context.Items[UserKey] = user;
            context.Items[SchemeKey] = scheme;
            return await next(invocation);
        });
        return group;
    }

    /// <summary>The user the route group's filter authenticated.</summary>
    public static EmulatorUser AuthenticatedUser(this HttpContext context) =>
        context.Items[UserKey] as EmulatorUser ?? throw new InvalidOperationException("This route is not in an authenticated group.");

    /// <summary>How the user proved who they are: <c>proxy-ticket</c>, <c>bearer</c>, <c>api-key</c>, ….</summary>
    public static string AuthenticationScheme(this HttpContext context) => context.Items[SchemeKey] as string ?? string.Empty;
}
