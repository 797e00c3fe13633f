using Marten;

namespace DescPortal.Web.Infrastructure.Persistence;

/// <summary>A page of results and the total they were taken from.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);

public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of an ordered query. The order must be total (end with a unique key) or rows repeat and go missing
    /// across pages; the count is taken on its own so a page past the end still reports the total; absurd page numbers
    /// are clamped rather than overflowing the offset.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(this IQueryable<T> ordered, IQueryable<T> unordered, int page, int pageSize, CancellationToken ct)
        where T : notnull
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (int)Math.Min((Math.Max(1L, page) - 1) * size, int.MaxValue - size);
        var total = await unordered.CountAsync(ct);
        var items = await ordered.Skip(skip).Take(size).ToListAsync(ct);
        return new Page<T>(items, total);
    }
}
