using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Customers;

public sealed class CustomerService(HibachiDbContext db, AccessScope scope, CurrentActor actor, TimeProvider clock)
{
    public static CustomerDto ToDto(Customer c) => new(
        c.Id, c.StationId, c.FirstName, c.LastName, c.Email, c.Phone, c.Notes, c.MarketingOptIn, c.CreatedAt, c.UpdatedAt);

    public async Task<Result<PagedList<CustomerDto>>> ListAsync(CustomerListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("q", query.Q, 200);
        if (query.Sort is not null and not ("name" or "-name" or "createdAt" or "-createdAt" or "email"))
        {
            errors.Add("sort", "Sort by name, -name, email, createdAt or -createdAt.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var customers = scope.Customers(db.Customers).AsNoTracking();
        if (query.StationId is { } stationId)
        {
            customers = customers.Where(c => c.StationId == stationId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            customers = customers.Where(c => EF.Functions.ILike(c.FirstName + " " + c.LastName, pattern, "\\")
                                             || EF.Functions.ILike(c.Email, pattern, "\\")
                                             || (c.Phone != null && EF.Functions.ILike(c.Phone, pattern, "\\")));
        }

        var total = await Paging.CountAsync(customers, cancellationToken);
        customers = query.Sort switch
        {
            "-name" => customers.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName),
            "email" => customers.OrderBy(c => c.Email),
            "createdAt" => customers.OrderBy(c => c.CreatedAt),
            "-createdAt" => customers.OrderByDescending(c => c.CreatedAt),
            _ => customers.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
        };

        var items = await customers.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Paging.Page(items.Select(ToDto).ToList(), page, pageSize, total);
    }

    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        scope.Customers(db.Customers).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Result<Customer>> CreateAsync(CustomerRequest request, CancellationToken cancellationToken)
    {
        if (scope.Kind == ScopeKind.Station && request.StationId is null)
        {
            request = request with { StationId = scope.StationId };
        }

        if (request.StationId is { } wanted && !scope.CanUseStation(wanted))
        {
            return Failure.Forbidden("You can only add customers to your own station.");
        }

        var customer = new Customer { FirstName = "", LastName = "", Email = "" };
        var errors = Apply(customer, request, creating: true);
        if (request.StationId is { } stationId && !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            errors.Add("stationId", "No such station.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await EmailTakenAsync(customer.Email, null, cancellationToken))
        {
            return EmailConflict();
        }

        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return customer;
    }

    public async Task<Result<Customer>> UpdateAsync(Guid id, CustomerRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return Failure.NotFound("Customer");
        }

        if (precondition?.Allows(customer.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        if (request.StationId is { } target && !scope.CanUseStation(target))
        {
            return Failure.Forbidden("You can only move customers to your own station.");
        }

        var errors = Apply(customer, request, creating: false);
        if (request.StationId is { } stationId && !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            errors.Add("stationId", "No such station.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await EmailTakenAsync(customer.Email, id, cancellationToken))
        {
            return EmailConflict();
        }

        await db.SaveChangesAsync(cancellationToken);
        return customer;
    }

    public async Task<Result> DeleteAsync(Guid id, DeleteRequest? request, CancellationToken cancellationToken)
    {
        if (SoftDeletion.ValidateReason(request) is { } invalid)
        {
            return invalid;
        }

        var customer = await FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return Failure.NotFound("Customer");
        }

        var now = clock.Now();
        var upcoming = await db.Bookings.CountAsync(
            b => b.CustomerId == id && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.EndsAt > now, cancellationToken);
        if (upcoming > 0)
        {
            return Failure.Conflict(ProblemCodes.CustomerHasBookings, "This customer has upcoming bookings.", $"Cancel or delete their {upcoming} upcoming booking(s) first.");
        }

        SoftDeletion.MarkDeleted(customer, actor.UserId, request!.Reason!, now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<Customer>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var customer = await scope.Customers(db.Customers.IncludingDeleted()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return Failure.NotFound("Customer");
        }

        if (SoftDeletion.CanRestore(customer, clock.Now()) is { } refused)
        {
            return refused;
        }

        if (await EmailTakenAsync(customer.Email, id, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.EmailInUse, "Another customer now uses this email.", "Change or remove that customer's email, then restore.");
        }

        SoftDeletion.Restore(customer);
        await db.SaveChangesAsync(cancellationToken);
        return customer;
    }

    /// <summary>The live customer with this email, created from the contact details when there is none.</summary>
    public async Task<Customer> FindOrCreateAsync(Guid stationId, string firstName, string lastName, string email, string? phone, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var existing = await db.Customers.FirstOrDefaultAsync(c => c.Email == normalized, cancellationToken);
        if (existing is not null)
        {
            if (string.IsNullOrEmpty(existing.Phone) && !string.IsNullOrWhiteSpace(phone))
            {
                existing.Phone = phone.Trim();
            }

            return existing;
        }

        var customer = new Customer
        {
            StationId = stationId,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            Email = normalized,
            Phone = Text.Clean(phone),
        };
        db.Customers.Add(customer);
        return customer;
    }

    private Task<bool> EmailTakenAsync(string email, Guid? except, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(c => c.Email == email && c.Id != except, cancellationToken);

    private static Failure EmailConflict() => new(StatusCodes.Status409Conflict, ProblemCodes.EmailInUse, "A customer with this email already exists.", null,
        new ValidationErrors().Add("email", "This email belongs to another customer.").ToDictionary());

    private static ValidationErrors Apply(Customer customer, CustomerRequest request, bool creating)
    {
        var errors = new ValidationErrors();
        if (creating && request.StationId is null)
        {
            errors.Add("stationId", "Choose the customer's station.");
        }
        else if (request.StationId is { } stationId)
        {
            customer.StationId = stationId;
        }

        errors.ApplyPerson(customer, creating, request.FirstName, request.LastName, request.Email, request.Phone);

        if (request.Notes is not null && errors.MaxLength("notes", request.Notes, 2000))
        {
            customer.Notes = Text.Clean(request.Notes);
        }

        if (request.MarketingOptIn is { } optIn)
        {
            customer.MarketingOptIn = optIn;
        }

        return errors;
    }
}
