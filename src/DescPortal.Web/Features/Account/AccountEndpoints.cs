using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DescPortal.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/signout", async (SignInManager<DescUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/signin");
        }).RequireAuthorization();
    }
}
