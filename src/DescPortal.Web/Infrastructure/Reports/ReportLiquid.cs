using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using static System.FormattableString;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// How the report template is rendered: Fluid with strict variables and filters, so that a centre's typo in a name
/// ("report.numbr", "| upcse") fails with that name instead of printing a report with a blank where the report number
/// or the opinion belongs. A value the report does not have (a JSON null: no website, nothing superseded) is not a
/// typo: it is <see cref="AbsentValue"/>, defined, empty and false, as nil is in Liquid.
/// </summary>
internal static class ReportLiquid
{
    // Encodes < > & " ' (and +, `); leaves every script readable (Arabic and Chinese stay characters, not entities).
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly JsonSerializerOptions ViewJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static TemplateOptions Options { get; } = new TemplateOptionsBuilder()
        .AddFilter("css_string", CssString)
        .AddFilter("default", Default)
        .WithStrictVariables(true)
        .WithStrictFilters(true)
        .Build();

    /// <summary>A context whose variables are the view's top-level members (report, letterhead, documents, …).</summary>
    public static TemplateContext Context<TView>(TView view, string stylesheet, CancellationToken ct) where TView : class =>
        Context(JsonSerializer.SerializeToNode(view, ViewJson)!.AsObject(), stylesheet, ct);

    private static TemplateContext Context(JsonObject view, string stylesheet, CancellationToken ct)
    {
        var context = new TemplateContext(Options) { CancellationToken = ct };
        foreach (var (name, value) in view) context.SetValue(name, ToFluid(value));
        context.SetValue("stylesheet", StringValue.Create(stylesheet, false));
        return context;
    }

    /// <summary>
    /// Checks <paramref name="template"/> when it is read, not in the report of the first case that reaches it: every
    /// name in every branch and loop must be one the report view has and every filter must exist (<see cref="NameCheck"/>);
    /// then one trial render against a view in which every value is present and every list has an item.
    /// </summary>
    /// <exception cref="FluidException">A name the view does not have, a filter that does not exist, or a render that fails.</exception>
    public static void CheckNames(IFluidTemplate template, Type view)
    {
        new NameCheck(view).VisitTemplate(template);
        template.Render(Context(Exemplar(view).AsObject(), "", CancellationToken.None), Encoder);
    }

    private static FluidValue ToFluid(JsonNode? node) => node switch
    {
        null => AbsentValue.Instance,
        JsonObject o => DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(
            o.ToDictionary(p => p.Key, p => ToFluid(p.Value), StringComparer.Ordinal))),
        JsonArray a => ArrayValue.Create([.. a.Select(ToFluid)]),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => StringValue.Create(v.GetValue<string>()),
            JsonValueKind.Number => NumberValue.Create(decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)),
            JsonValueKind.True => BooleanValue.True,
            JsonValueKind.False => BooleanValue.False,
            _ => AbsentValue.Instance,
        },
        _ => AbsentValue.Instance,
    };

    // Every member present (text "x", numbers 1, lists of one), in the view's own JSON names.
    private static JsonNode Exemplar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return JsonValue.Create("x");
        if (type == typeof(bool)) return JsonValue.Create(true);
        if (type.IsPrimitive || type == typeof(decimal)) return JsonValue.Create(1);
        if (ItemOf(type) is { } item) return new JsonArray(Exemplar(item));
        var exemplar = new JsonObject();
        foreach (var property in type.GetProperties())
            exemplar[NameOf(property)] = Exemplar(property.PropertyType);
        return exemplar;
    }

    /// <summary>The item type of a list in the view; null for anything else (text included).</summary>
    private static Type? ItemOf(Type? type) => type is null || type == typeof(string) ? null
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    /// <summary>A view member's name in the template (snake_case, as the view is serialised).</summary>
    private static string NameOf(System.Reflection.PropertyInfo property) => ViewJson.PropertyNamingPolicy!.ConvertName(property.Name);

    /// <summary>
    /// <c>{{ value | css_string }}</c>: the value as a quoted CSS string for a &lt;style&gt; block (page margin boxes),
    /// every character other than letters (of any script), digits and spaces escaped as "\HHHHHH " (the space ends the
    /// escape: CSS consumes it), so no value can end the string, the rule or the style element.
    /// </summary>
    private static ValueTask<FluidValue> CssString(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue(context);
        var css = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == ' ')
                css.Append(rune.ToString()); // a letter beyond U+FFFF is two chars
            else
                css.Append(Invariant($"\\{rune.Value:X6} ")); // the space ends the escape and is not printed
        }
        return new ValueTask<FluidValue>(StringValue.Create(css.Append('"').ToString(), false));
    }

    /// <summary>Liquid's default filter, for which an absent value is nil: the argument when the value is nil, false or empty.</summary>
    private static ValueTask<FluidValue> Default(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var empty = input is AbsentValue || input.IsNil()
            || input.Type == FluidValues.Boolean && !input.ToBooleanValue(context)
            || input.Type == FluidValues.String && input.ToStringValue(context).Length == 0
            || input is ArrayValue { Values.Count: 0 };
        return new ValueTask<FluidValue>(empty ? arguments.At(0) : input);
    }

    /// <summary>
    /// Walks the parsed template: every name it reads (output, conditions, loop sources, filter arguments), in every
    /// branch whether or not a report ever takes it, must be one the view (the expert report's, the custody report's) has, and every filter must exist.
    /// Loop variables take the type of their list's items; names made by assign and capture are taken as they come.
    /// </summary>
    private sealed class NameCheck : AstVisitor
    {
        private readonly Stack<Dictionary<string, Type?>> _scopes = new();

        public NameCheck(Type view)
        {
            var top = view.GetProperties().ToDictionary(NameOf, p => (Type?)p.PropertyType, StringComparer.Ordinal);
            top["stylesheet"] = typeof(string);
            _scopes.Push(top);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Visit(forStatement.Limit);
            Visit(forStatement.Offset);
            InLoop(forStatement.Source, forStatement.Identifier, "forloop", forStatement.Statements);
            Visit(forStatement.Else);
            return forStatement;
        }

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
        {
            Visit(tableRowStatement.Limit);
            Visit(tableRowStatement.Offset);
            Visit(tableRowStatement.Cols);
            InLoop(tableRowStatement.Source, tableRowStatement.Identifier, "tablerowloop", tableRowStatement.Statements);
            return tableRowStatement;
        }

        /// <summary>A loop's body, with its variable typed as the items of its source (a range's: unknown) and its loop object.</summary>
        private void InLoop(Expression source, string variable, string loop, IEnumerable<Statement> body)
        {
            Visit(source);
            var items = source is MemberExpression list ? ItemOf(TypeOf(list)) : null;
            _scopes.Push(new(StringComparer.Ordinal) { [variable] = items, [loop] = null });
            foreach (var statement in body) Visit(statement);
            _scopes.Pop();
        }

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
        {
            _scopes.Last()[incrementStatement.Identifier] = typeof(int);
            return incrementStatement;
        }

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
        {
            _scopes.Last()[decrementStatement.Identifier] = typeof(int);
            return decrementStatement;
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Visit(assignStatement.Value);
            // Liquid's assign is global, even inside a loop.
            _scopes.Last()[assignStatement.Identifier] = null;
            return assignStatement;
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            base.VisitCaptureStatement(captureStatement);
            _scopes.Last()[captureStatement.Identifier] = typeof(string);
            return captureStatement;
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!Options.Filters.TryGetValue(filterExpression.Name, out _))
                throw new FluidException(Invariant($"Undefined filter '{filterExpression.Name}'"));
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            TypeOf(memberExpression);
            return memberExpression;
        }

        /// <summary>The type a member expression reads, null when it cannot be known (an assigned name, forloop).</summary>
        private Type? TypeOf(MemberExpression member)
        {
            if (member.Segments.Count == 0 || member.Segments[0] is not IdentifierSegment first) return null;
            var scope = _scopes.FirstOrDefault(s => s.ContainsKey(first.Identifier))
                ?? throw new FluidException(Invariant($"Undefined variable '{first.Identifier}'"));
            var type = scope[first.Identifier];
            foreach (var segment in member.Segments.Skip(1))
            {
                if (segment is IndexerSegment index)
                {
                    Visit(index.Expression);
                    type = type is null ? null : ItemOf(type);
                }
                else if (segment is IdentifierSegment name && type is not null)
                {
                    type = MemberOf(type, name.Identifier)
                        ?? throw new FluidException(Invariant($"Undefined variable '{name.Identifier}'"));
                }
                else
                {
                    type = null;
                }
            }
            return type;
        }

        // What "x.name" is for a value of this type: a view member, or Liquid's size/first/last of lists and text.
        private static Type? MemberOf(Type type, string name)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string)) return name == "size" ? typeof(int) : null;
            if (ItemOf(type) is { } item) return name switch { "size" => typeof(int), "first" or "last" => item, _ => null };
            return type.GetProperties().FirstOrDefault(p => NameOf(p) == name)?.PropertyType;
        }
    }

    /// <summary>A value the report does not have: prints nothing, is false, equals nil, blank and empty.</summary>
    private sealed class AbsentValue : FluidValue
    {
        public static readonly AbsentValue Instance = new();

        public override FluidValues Type => FluidValues.Nil;

        // Not IsNil: strict variables treat nil as "undefined"; this value is defined, only empty.
        public override bool IsNil() => false;

        public override bool Equals(FluidValue other) =>
            other is AbsentValue || other.IsNil() || other == EmptyValue.Instance || other == BlankValue.Instance;

        public override bool ToBooleanValue(TemplateContext context) => false;

        public override decimal ToNumberValue(TemplateContext context) => 0;

        public override string ToStringValue(TemplateContext context) => "";

        public override object ToObjectValue(TemplateContext context) => null!;

        public override bool Equals(object? obj) => obj is AbsentValue;

        public override int GetHashCode() => 0;
    }
}
