# The MLOps hiring guide as a container: build the site, then serve it with Debian's nginx, not as root.
#
#     docker build --build-arg SITE_URL=https://guide.example.com/ -t mlops-guide .
#     docker run --rm -p 8080:8080 mlops-guide
#
# SITE_URL, the address readers will use, is required: the canonical links and the link previews point
# there, and the build refuses a missing, loopback or private one (devtools/build.py --deploy). To try
# the image on your machine, give the public address all the same: the pages work from any address.
#
# deploy/README.md has the details (TLS in front, caching, the policy).

# --- build: the locked dependencies, then the build ./scripts/build runs: strict, then its security headers ---
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 NO_MKDOCS_2_WARNING=1
WORKDIR /src
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY . .
RUN pip install --no-deps -e .
ARG SITE_URL
RUN SITE_URL="$SITE_URL" python -m devtools.build --deploy

# --- runtime: nginx and the built files only ---
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*
# The layout deploy/nginx.conf expects: a config folder, and a prefix holding site/ and run/.
COPY deploy/nginx.conf deploy/security-headers.conf /etc/nginx/mlops-guide/
COPY --from=build /src/deploy/generated/csp.conf /src/deploy/generated/embed.conf /etc/nginx/mlops-guide/generated/
COPY --from=build /src/site /srv/mlops-guide/site
RUN install -d -o www-data -g www-data /srv/mlops-guide/run
USER www-data
RUN nginx -t -p /srv/mlops-guide/ -c /etc/nginx/mlops-guide/nginx.conf -e stderr
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'HEAD / HTTP/1.0\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
STOPSIGNAL SIGQUIT
CMD ["nginx", "-p", "/srv/mlops-guide/", "-c", "/etc/nginx/mlops-guide/nginx.conf", "-e", "stderr"]
