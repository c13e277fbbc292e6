import { isBusinessMember } from '../auth'
import type { EdgeTable, RouteContext, RouteResult } from '../context'
import { graphErrors } from '../errors'
import { parseFields, project } from '../fields'
import { listBody } from '../pagination'
import type { BusinessRecord } from '../types'
import { businessView, personView } from '../views'

/**
 * GET /{business-id} (docs/graph-api.md §2.1): readable by the business's people and system users.
 */
function getBusiness(ctx: RouteContext): RouteResult {
  const business = ctx.model.business(ctx.nodeId)
  if (!business || !isBusinessMember(ctx.model, ctx.caller, business.id)) {
    throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  }
  return { json: project(businessView(business, ctx.model), parseFields(ctx.params.get('fields'))) }
}

/**
 * The roles a caller holds on a business — `permitted_roles` on /me/businesses
 * (docs/graph-api.md §2.1).
 */
function rolesOn(ctx: RouteContext, business: Readonly<BusinessRecord>): string[] {
  const userId = ctx.caller?.userId ?? ''
  if (ctx.caller?.type === 'SYSTEM_USER') {
    return [ctx.model.systemUser(userId)?.role ?? 'EMPLOYEE']
  }
  return business.adminUserIds.includes(userId) ? ['ADMIN'] : ['EMPLOYEE']
}

/** GET /me/businesses: the portfolios the caller is on, each with `permitted_roles`. */
function listBusinesses(ctx: RouteContext): RouteResult {
  if (ctx.caller?.userId !== ctx.nodeId) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  const mine = ctx.model.businesses().filter((b) => isBusinessMember(ctx.model, ctx.caller, b.id))
  const fields = parseFields(ctx.params.get('fields'))
  return {
    json: listBody(
      ctx,
      mine,
      (b) => b.id,
      (b) => {
        const view = businessView(b, ctx.model)
        const roles = rolesOn(ctx, b)
        return project(
          { ...view, fields: { ...view.fields, permitted_roles: () => roles } },
          fields,
        )
      },
    ),
  }
}

/** GET /{user-id} for people: themselves, or someone on one of their businesses. */
function getPerson(ctx: RouteContext): RouteResult {
  const person = ctx.model.person(ctx.nodeId)
  const visible =
    person &&
    (ctx.caller?.userId === person.id ||
      ctx.model
        .businesses()
        .some(
          (b) =>
            (b.adminUserIds.includes(person.id) || b.employeeUserIds.includes(person.id)) &&
            isBusinessMember(ctx.model, ctx.caller, b.id),
        ))
  if (!person || !visible) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  return { json: project(personView(person), parseFields(ctx.params.get('fields'))) }
}

export const BUSINESS_NODE_ROUTES: EdgeTable = {
  '': { GET: { handler: getBusiness } },
}

export const PERSON_ROUTES: EdgeTable = {
  '': { GET: { handler: getPerson } },
  businesses: { GET: { handler: listBusinesses } },
}

/** A system user asking `/me/businesses` sees the one business it belongs to. */
export const SYSTEM_USER_BUSINESSES: EdgeTable = {
  businesses: { GET: { handler: listBusinesses } },
}
