#ifndef JOINTOPS_CLIBPQ_SHIM_H
#define JOINTOPS_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
