# Cloudflare edge configuration for MyHibachi: WAF custom rules, managed rulesets, API rate limit,
# TLS settings and Cloudflare Access for the admin panel and SSH.
#   terraform init
#   terraform apply -var cloudflare_api_token=... -var zone_id=... -var account_id=... -var staff_email_domain=myhibachi.com
# The app enforces the same limits itself (rate limiting in Redis, blocked user agents, staff-only
# /api/admin, security headers), so it stays safe if this layer is ever bypassed or misconfigured.

terraform {
  required_version = ">= 1.5"
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.40"
    }
  }
}

variable "cloudflare_api_token" {
  type      = string
  sensitive = true
}

variable "zone_id" {
  type = string
}

variable "account_id" {
  type = string
}

variable "domain" {
  type    = string
  default = "myhibachi.com"
}

variable "staff_email_domain" {
  type        = string
  description = "E-mail domain of the team members allowed through Cloudflare Access."
}

variable "bad_user_agents" {
  type = list(string)
  default = ["sqlmap", "nikto", "nmap", "masscan", "zgrab", "nuclei", "acunetix", "wpscan", "dirbuster", "gobuster", "havij", "w3af"]
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

locals {
  bad_agent_expression = join(" or ", [for agent in var.bad_user_agents : "(lower(http.user_agent) contains \"${agent}\")"])
}

resource "cloudflare_ruleset" "custom_rules" {
  zone_id     = var.zone_id
  name        = "MyHibachi custom rules"
  description = "Bad user agents, admin and internal API protection"
  kind        = "zone"
  phase       = "http_request_firewall_custom"

  rules {
    description = "Block known bad user agents"
    expression  = local.bad_agent_expression
    action      = "block"
    enabled     = true
  }

  rules {
    description = "Protect /api/admin/*: only through Cloudflare Access"
    expression  = "(starts_with(http.request.uri.path, \"/api/admin/\") and not any(http.request.headers.names[*] == \"cf-access-jwt-assertion\"))"
    action      = "block"
    enabled     = true
  }

  rules {
    description = "The internal API is for the workers on the VPS, never from outside"
    expression  = "(starts_with(http.request.uri.path, \"/api/internal/\"))"
    action      = "block"
    enabled     = true
  }
}

resource "cloudflare_ruleset" "api_rate_limit" {
  zone_id     = var.zone_id
  name        = "MyHibachi API rate limit"
  description = "100 requests per minute per IP to the API"
  kind        = "zone"
  phase       = "http_ratelimit"

  rules {
    description = "Rate limit API (100 req/min)"
    expression  = "(starts_with(http.request.uri.path, \"/api/\"))"
    action      = "block"
    enabled     = true
    ratelimit {
      characteristics     = ["ip.src", "cf.colo.id"]
      period              = 60
      requests_per_period = 100
      mitigation_timeout  = 60
    }
  }
}

resource "cloudflare_ruleset" "managed_waf" {
  zone_id     = var.zone_id
  name        = "MyHibachi managed WAF"
  description = "Cloudflare Managed Ruleset and OWASP Core Ruleset (SQL injection, XSS, ...)"
  kind        = "zone"
  phase       = "http_request_firewall_managed"

  rules {
    description = "Cloudflare Managed Ruleset"
    expression  = "true"
    action      = "execute"
    action_parameters {
      id = "efb7b8c949ac4650a09736fc376e9aee"
    }
  }

  rules {
    description = "Cloudflare OWASP Core Ruleset"
    expression  = "true"
    action      = "execute"
    action_parameters {
      id = "4814384a9e5d4991b9815dcfc25d2f1f"
    }
  }
}

resource "cloudflare_zone_settings_override" "tls" {
  zone_id = var.zone_id
  settings {
    ssl                      = "strict"
    always_use_https         = "on"
    min_tls_version          = "1.2"
    automatic_https_rewrites = "on"
    security_header {
      enabled            = true
      max_age            = 31536000
      include_subdomains = true
      nosniff            = true
      preload            = false
    }
  }
}

resource "cloudflare_zero_trust_access_application" "admin" {
  zone_id          = var.zone_id
  name             = "MyHibachi admin panel"
  domain           = "www.${var.domain}/admin"
  type             = "self_hosted"
  session_duration = "12h"
}

resource "cloudflare_zero_trust_access_policy" "admin_staff" {
  application_id = cloudflare_zero_trust_access_application.admin.id
  zone_id        = var.zone_id
  name           = "Team members only"
  precedence     = 1
  decision       = "allow"
  include {
    email_domain = [var.staff_email_domain]
  }
}

resource "cloudflare_zero_trust_access_application" "ssh" {
  zone_id          = var.zone_id
  name             = "MyHibachi SSH"
  domain           = "ssh.${var.domain}"
  type             = "ssh"
  session_duration = "8h"
}

resource "cloudflare_zero_trust_access_policy" "ssh_staff" {
  application_id = cloudflare_zero_trust_access_application.ssh.id
  zone_id        = var.zone_id
  name           = "Team members only"
  precedence     = 1
  decision       = "allow"
  include {
    email_domain = [var.staff_email_domain]
  }
}
