using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// One check for every text a request brings, whatever the endpoint: route values, query values and
/// every string inside a body or query record, however deep (lists and nested records included).
/// Text with characters PostgreSQL cannot store (NUL) or that no reader should get (other control
/// characters, unpaired surrogates, non-characters) is refused with a 400 naming the field as the
/// client sent it (<c>customer.firstName</c>, <c>selections[2].code</c>, <c>q</c>), before any handler runs.
/// </summary>
public static class TextInput
{
    public const string Message = "Remove the control characters (such as NUL) from this text.";

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Properties = new();

    /// <summary>The endpoint filter factory: it reads each handler's parameters once, at start-up.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var inputs = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => (Parameter: parameter, Index: index))
            .Where(p => p.Parameter.ParameterType == typeof(string) || IsInputRecord(p.Parameter))
            .Select(p => (p.Index, Name: p.Parameter.ParameterType == typeof(string) ? FieldName(p.Parameter) : ""))
            .ToArray();
        if (inputs.Length == 0)
        {
            return next;
        }

        return async context =>
        {
            var errors = new ValidationErrors();
            foreach (var (index, name) in inputs)
            {
                Check(context.Arguments[index], name, errors, depth: 0);
            }

            return errors.Any ? Failure.Invalid(errors, "Some text holds characters we cannot keep.").ToResult() : await next(context);
        };
    }

    /// <summary>Whether the text holds a character that must not be stored or shown.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return true;
            }

            if (char.IsLowSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007f' and <= '\u009f' or '\ufffe' or '\uffff')
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(object? value, string path, ValidationErrors errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (HasForbiddenCharacters(text))
                {
                    errors.Add(path.Length == 0 ? "body" : path, Message);
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    Check(key, Join(path, key), errors, depth + 1);
                    Check(entry.Value, Join(path, key), errors, depth + 1);
                }

                return;
            case IEnumerable items when value is not JsonElement:
                var i = 0;
                foreach (var item in items)
                {
                    Check(item, $"{path}[{i++}]", errors, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth > 8 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var (name, get) in Properties.GetOrAdd(type, Describe))
        {
            Check(get(value), Join(path, name), errors, depth + 1);
        }
    }

    private static (string Name, Func<object, object?> Get)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<object, object?>)p.GetValue))
            .ToArray();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Bodies and [AsParameters] query records: the records the contracts define.</summary>
    private static bool IsInputRecord(ParameterInfo parameter) =>
        parameter.ParameterType.Namespace?.StartsWith("MyHibachi.Contracts", StringComparison.Ordinal) == true && !parameter.ParameterType.IsEnum;

    private static string FieldName(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name ?? parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name ?? "value";
}
